using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Dsl.Enrolment.Settings.Import;

public static class ImportSettingsEndpoint
{
    public const long MaxFileBytes = 200L * 1024 * 1024;

    /// <summary>
    /// Imports a DfE "Get Information about Schools" establishment extract (admin): the CSV as the body
    /// (text/csv) or as the "file" field of a multipart form. Windows-1252 unless a charset is given.
    /// Re-importing updates settings by URN; rows that cannot be mapped are reported with line and reason.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/settings/imports", OperationId = "ImportSettings")]
    [Tags(ApiTags.Settings)]
    [EndpointSummary("Import the GIAS establishment extract")]
    [RequestSizeLimit(MaxFileBytes)]
    [Consumes("text/csv", "multipart/form-data")]
    [ProducesResponseType<ImportReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    public static async Task<IResult> Post(HttpRequest request, SettingsImporter importer, CancellationToken ct)
    {
        Stream csv;
        Encoding encoding;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            // A broken multipart body (no boundary, cut short) is the client's to fix, not a 500; a body over the
            // limit (BadHttpRequestException) still becomes the 413.
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException
                                      or IOException and not BadHttpRequestException)
            {
                return Results.Problem(Problems.Invalid("file",
                    "The multipart/form-data body cannot be read; attach the GIAS extract as the form field \"file\"."));
            }
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null) return Results.Problem(Problems.Invalid("file", "Attach the GIAS extract as the form field \"file\"."));
            csv = file.OpenReadStream();
            encoding = EncodingOf(file.ContentType);
        }
        else if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
                 && (type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
                     || type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)))
        {
            // The CSV reader reads synchronously, which Kestrel forbids on the live body: buffer it first
            // (in memory up to 30 KB, then on disk).
            request.EnableBuffering(bufferThreshold: 30 * 1024, bufferLimit: MaxFileBytes);
            await request.Body.DrainAsync(ct);
            request.Body.Position = 0;
            csv = request.Body;
            encoding = EncodingOf(request.ContentType);
        }
        else
        {
            return Results.Problem(Problems.Create(415, "unsupported-media-type", "Unsupported media type",
                "Send the extract as text/csv, or as multipart/form-data with a \"file\" field."));
        }

        try
        {
            using var reader = new StreamReader(csv, encoding);
            return TypedResults.Ok(await importer.ImportAsync(reader, ct: ct));
        }
        catch (InvalidImportFileException e)
        {
            return Results.Problem(Problems.Invalid("file", e.Message));
        }
    }

    private static Encoding EncodingOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.Encoding is { } declared
            ? declared
            : SettingsImporter.Windows1252;
}
