using System.Globalization;
using Dsl.Awards.Credentials;
using Dsl.Awards.Eligibility;
using Dsl.BuildingBlocks.Documents;
using Microsoft.Extensions.Configuration;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Dsl.Awards.Awards;

public static class GetCertificateEndpoint
{
    public static Task<Award?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<Award>(id, ct);

    public static ProblemDetails Validate(Award? award, ClaimsPrincipal user) => AwardAccess.Check(user, award);

    /// <summary>
    /// A printable A4 certificate of the award (PDF): the setting, the award, its validity and the public address where
    /// anyone can verify the credential.
    /// </summary>
    [Authorize(Roles = AwardsRoles.Readers)]
    [WolverineGet("/api/awards/{id}/certificate", OperationId = "GetAwardCertificate")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Get an award's printable certificate")]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, PdfFonts.MediaType)]
    public static IResult Get([NotBody] Award award, HttpRequest request, IConfiguration configuration) =>
        Results.File(AwardCertificatePdf.Render(award, IssuerUrls.For(request, configuration).Credential(award.CredentialId)),
            PdfFonts.MediaType, $"award-{award.SettingUrn}.pdf");
}

/// <summary>The award's certificate as a one-page A4 PDF (PDFsharp with the programme's embedded font).</summary>
public static class AwardCertificatePdf
{
    public static byte[] Render(Award award, string verificationUrl)
    {
        PdfFonts.EnsureRegistered();
        var criteria = AwardCriteria.Find(award.CriteriaVersion) ?? AwardCriteria.Current;
        using var document = new PdfDocument();
        document.Info.Title = criteria.Name;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var y = 100.0;
            void Centred(string text, double size, bool bold, double gap)
            {
                gfx.DrawString(text, new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), XBrushes.Black,
                    new XRect(40, y, width - 80, size * 1.4), XStringFormats.TopCenter);
                y += size * 1.4 + gap;
            }
            gfx.DrawRectangle(new XPen(XColors.DarkGreen, 3), 28, 28, width - 56, page.Height.Point - 56);
            Centred(criteria.Name, 22, true, 36);
            Centred("is awarded to", 12, false, 10);
            Centred(award.SettingName, 24, true, 6);
            Centred($"URN {award.SettingUrn}", 11, false, 36);
            Centred($"Valid from {Day(award.ValidFrom)} until {Day(award.ValidUntil)}", 13, false, 46);
            Centred($"Issued by {OpenBadge.IssuerName}", 11, false, 40);
            Centred("Verify this award (Open Badges 3.0 credential) at", 9, false, 2);
            Centred(verificationUrl, 8, false, 4);
            Centred($"Credential {award.CredentialUrn}", 8, false, 0);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
