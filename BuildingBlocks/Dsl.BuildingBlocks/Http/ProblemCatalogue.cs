using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// Holds every problem the host writes to the catalogue. Slices and DSL's middleware write catalogue problems
/// already; what ASP.NET Core (status-code pages for 401/403/404/405/415, the JWT challenge) and Wolverine.Http
/// (JSON bodies and query values it cannot read) write is rewritten here, at the one place every problem passes
/// through (<see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>), so no framework text, .NET type name or
/// parser message reaches a client.
/// </summary>
public static class ProblemCatalogue
{
    /// <summary>Problem details for the whole host: the catalogue, and the last-resort exception handler.</summary>
    public static IServiceCollection AddDslProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Normalise);
        // After ASP.NET Core's writer, which declines when the Accept header leaves out JSON: a problem is still
        // one of the catalogue's, in JSON, rather than a line of plain text.
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemWriter>();
        services.AddExceptionHandler<DslExceptionHandler>();
        return services;
    }

    /// <summary>The catalogue type a bare status code stands for.</summary>
    public static ProblemType ForStatus(int status) => status switch
    {
        400 => Problems.Types.BadRequest,
        401 => Problems.Types.Unauthorized,
        403 => Problems.Types.Forbidden,
        404 => Problems.Types.NotFound,
        405 => Problems.Types.MethodNotAllowed,
        406 => Problems.Types.NotAcceptable,
        409 => Problems.Types.Conflict,
        412 => Problems.Types.PreconditionFailed,
        413 => Problems.Types.PayloadTooLarge,
        415 => Problems.Types.UnsupportedMediaType,
        428 => Problems.Types.PreconditionRequired,
        503 => Problems.Types.ServiceUnavailable,
        >= 500 => Problems.Types.InternalError,
        _ => Problems.Types.BadRequest,
    };

    public static void Normalise(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        if (Problems.Find(problem.Type) is null)
        {
            if (http.Items.ContainsKey(RequestBodyLimit.Exceeded))
            {
                var tooLarge = RequestBodyLimit.TooLarge(null);
                Become(problem, Problems.Types.PayloadTooLarge, tooLarge.Detail!);
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
            else if (WolverineJsonFailure(problem)) JsonBodyProblem.Rewrite(problem, http);
            else if (WolverineQueryFailure(problem, out var parameter)) RewriteQueryFailure(problem, http, parameter);
            else RewriteByStatus(problem, http);
        }
        problem.Instance = null;
        // The bare trace id: what the traceresponse header carries and what the dashboard searches by.
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
    }

    private static bool WolverineJsonFailure(ProblemDetails problem) =>
        problem.Status == 400 && problem.Title == "Invalid JSON format";

    private static bool WolverineQueryFailure(ProblemDetails problem, out string parameter)
    {
        parameter = problem.Extensions.TryGetValue("parameter", out var value) ? value as string ?? "" : "";
        return problem.Status == 400 && problem.Title == "Invalid query string value" && parameter.Length > 0;
    }

    private static void RewriteQueryFailure(ProblemDetails problem, HttpContext http, string parameter)
    {
        var type = QueryParameterType(http.GetEndpoint()?.Metadata.GetMetadata<HttpChain>(), parameter);
        var rule = type is null ? "has a value that cannot be read" : JsonBodyProblem.Expected(type, JsonOptions(http));
        Become(problem, Problems.Types.Validation, $"Query parameter '{parameter}' {rule}.");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [rule] };
        problem.Extensions["parameter"] = parameter;
    }

    private static void RewriteByStatus(ProblemDetails problem, HttpContext http)
    {
        var status = problem.Status ?? http.Response.StatusCode;
        var type = ForStatus(status);
        var path = http.Request.Path.Value;
        Become(problem, type, status switch
        {
            401 when http.Request.Headers.Authorization.Count > 0 =>
                "The bearer token is not valid: it has expired, is not yet valid, or was not issued for this API.",
            401 => "Send a bearer token in the Authorization header.",
            403 => "Your role does not allow this operation.",
            404 => $"There is nothing at {path}.",
            405 => $"{http.Request.Method} is not allowed on {path}; the Allow header lists the methods that are.",
            406 => "This API answers in JSON; accept application/json.",
            415 => "Send the body as application/json.",
            413 => "The request body is larger than this endpoint accepts.",
            >= 500 => "The error was logged. Quote the traceId when you report it.",
            _ => "The request could not be read.",
        });
        problem.Status = status;
    }

    /// <summary>Turns a framework problem into a catalogue one, dropping whatever the framework added.</summary>
    internal static void Become(ProblemDetails problem, ProblemType type, string detail)
    {
        problem.Type = type.Uri;
        problem.Title = type.Title;
        problem.Status = type.Status;
        problem.Detail = detail;
        problem.Extensions.Clear();
    }

    internal static JsonSerializerOptions JsonOptions(HttpContext http) =>
        http.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
        ?? JsonSerializerOptions.Web;

    /// <summary>The type Wolverine parses a query parameter into: a method parameter, or a property of an [AsParameters] type.</summary>
    private static Type? QueryParameterType(HttpChain? chain, string name)
    {
        if (chain is null) return null;
        foreach (var parameter in chain.Method.Method.GetParameters())
        {
            var fromQuery = parameter.GetCustomAttribute<FromQueryAttribute>();
            if (string.Equals(fromQuery?.Name ?? parameter.Name, name, StringComparison.OrdinalIgnoreCase))
                return parameter.ParameterType;
        }
        var complex = new[] { chain.ComplexQueryStringType, chain.AsParametersType }.Where(t => t is not null);
        foreach (var property in complex.SelectMany(t => t!.GetProperties()))
        {
            var fromQuery = property.GetCustomAttribute<FromQueryAttribute>();
            if (string.Equals(fromQuery?.Name ?? property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.PropertyType;
        }
        return null;
    }
}

/// <summary>
/// What was wrong with a JSON body Wolverine could not read, said in the API's terms. System.Text.Json reports
/// the first fault only as text (with the JSON path, line and byte) and Wolverine passes nothing else on, so its
/// message is read here for the path and the kind of fault; the expected value comes from the request type's
/// own JSON contract, which is how the allowed enum values are listed exactly as the API writes them.
/// </summary>
internal static partial class JsonBodyProblem
{
    [GeneratedRegex(@" Path: (?<path>\$.*?) \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)\.$")]
    private static partial Regex Position();

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member contained in type '(?<type>.*)'\.$")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"missing required properties including: (?<names>.*)\.$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegments();

    public static void Rewrite(ProblemDetails problem, HttpContext http)
    {
        var message = problem.Detail ?? "";
        var line = Number(problem, "lineNumber");
        var position = Number(problem, "bytePositionInLine");
        var requestType = http.GetEndpoint()?.Metadata.GetMetadata<HttpChain>()?.RequestType;
        var options = ProblemCatalogue.JsonOptions(http);

        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            // The message names the object's .NET type (never shown): find where the request holds one, to give the
            // field's full path and the fields that object does have.
            var name = unknown.Groups["name"].Value;
            var holder = requestType is null ? null : FindObject(requestType, unknown.Groups["type"].Value, options);
            var fields = holder is null ? "" : "; its fields are " + string.Join(", ", holder.Value.Info.Properties.Select(p => p.Name));
            Invalid(problem, holder is { Path.Length: > 0 } ? holder.Value.Path + "." + name : name,
                "is not a field of this request" + fields);
            return;
        }
        if (MissingProperties().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value.Split(", ").Select(n => n.Trim('\''));
            ProblemCatalogue.Become(problem, Problems.Types.Validation, "Required fields are missing.");
            problem.Extensions["errors"] = names.ToDictionary(n => n, _ => new[] { "is required" });
            return;
        }

        var at = Position().Match(message);
        var path = at.Success ? at.Groups["path"].Value : "$";
        if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
        {
            var expected = requestType is null ? null : TypeAt(requestType, path, options);
            if (path != "$")
            {
                Invalid(problem, Field(path), expected is null ? "has a value of the wrong type" : Expected(expected, options));
                return;
            }
            ProblemCatalogue.Become(problem, Problems.Types.MalformedJson,
                $"The body must be {(expected is null ? "the JSON this operation takes" : Kind(expected, options))}.");
            return;
        }

        if (http.Request.ContentLength == 0)
        {
            ProblemCatalogue.Become(problem, Problems.Types.MalformedJson, "The request needs a JSON body; it was empty.");
            return;
        }
        ProblemCatalogue.Become(problem, Problems.Types.MalformedJson,
            $"The body is not valid JSON: it breaks off or has a syntax error at line {line + 1}, position {position + 1}"
            + (path == "$" ? "." : $" (in {Field(path)})."));
        problem.Extensions["line"] = line + 1;
        problem.Extensions["position"] = position + 1;
    }

    private static void Invalid(ProblemDetails problem, string field, string rule)
    {
        ProblemCatalogue.Become(problem, Problems.Types.Validation, $"{field} {rule}.");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [rule] };
    }

    private static long Number(ProblemDetails problem, string key) =>
        problem.Extensions.TryGetValue(key, out var value) && value is not null
            && long.TryParse(value.ToString(), out var number) ? number : 0;

    /// <summary>A JSON path as the field key validation errors use: <c>$.lead.email</c> → <c>lead.email</c>.</summary>
    private static string Field(string path)
    {
        var parts = PathSegments().Matches(path).Select(m => m.Groups["index"].Success
            ? $"[{m.Groups["index"].Value}]"
            : "." + m.Groups["name"].Value.Replace("''", "'"));
        return string.Concat(parts).TrimStart('.');
    }

    /// <summary>The .NET type the request's JSON contract expects at a path, or null where it cannot be followed.</summary>
    private static Type? TypeAt(Type root, string path, JsonSerializerOptions options)
    {
        var type = root;
        foreach (Match segment in PathSegments().Matches(path))
        {
            var info = options.GetTypeInfo(Unwrap(type));
            if (segment.Groups["index"].Success)
            {
                if (info.Kind != JsonTypeInfoKind.Enumerable || info.ElementType is null) return null;
                type = info.ElementType;
                continue;
            }
            var name = segment.Groups["name"].Value.Replace("''", "'");
            if (info.Kind == JsonTypeInfoKind.Dictionary && info.ElementType is not null)
            {
                type = info.ElementType;
                continue;
            }
            var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var property = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison))
                : null;
            if (property is null) return null;
            type = property.PropertyType;
        }
        return type;
    }

    /// <summary>
    /// Where in the request's JSON contract an object of the named .NET type sits (the first such place, breadth
    /// first, through objects only: an array element's index is not known).
    /// </summary>
    private static (string Path, JsonTypeInfo Info)? FindObject(Type root, string typeName, JsonSerializerOptions options)
    {
        var queue = new Queue<(string Path, Type Type, int Depth)>([("", root, 0)]);
        var seen = new HashSet<Type>();
        while (queue.TryDequeue(out var next))
        {
            var type = Unwrap(next.Type);
            if (!seen.Add(type)) continue;
            var info = options.GetTypeInfo(type);
            if (info.Kind != JsonTypeInfoKind.Object) continue;
            if (type.ToString() == typeName || type.FullName == typeName) return (next.Path, info);
            if (next.Depth < 8)
                foreach (var property in info.Properties)
                    queue.Enqueue((next.Path.Length == 0 ? property.Name : next.Path + "." + property.Name, property.PropertyType, next.Depth + 1));
        }
        return null;
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>The rule a value of this type follows, in the API's words (enum values as the API writes them).</summary>
    public static string Expected(Type type, JsonSerializerOptions options)
    {
        type = Unwrap(type);
        if (type.IsEnum) return "must be one of " + string.Join(", ", EnumValues(type, options));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "must be true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "must be a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "must be a number",
            TypeCode.String => "must be a string",
            TypeCode.Char => "must be a single character",
            TypeCode.DateTime => "must be a date and time in ISO 8601, e.g. 2024-09-01T09:00:00Z",
            _ when type == typeof(DateTimeOffset) => "must be a date and time in ISO 8601, e.g. 2024-09-01T09:00:00Z",
            _ when type == typeof(DateOnly) => "must be a date as yyyy-MM-dd, e.g. 2024-09-01",
            _ when type == typeof(TimeOnly) => "must be a time as HH:mm:ss",
            _ when type == typeof(TimeSpan) => "must be a duration as [d.]hh:mm:ss",
            _ when type == typeof(Guid) => "must be an id (a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6)",
            _ when type == typeof(Uri) => "must be a URL",
            _ => "must be " + Kind(type, options),
        };
    }

    private static string Kind(Type type, JsonSerializerOptions options) =>
        options.GetTypeInfo(Unwrap(type)).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "a JSON array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "a JSON object",
            _ => "a JSON value of the right type",
        };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string[]> EnumNames = new();

    private static string[] EnumValues(Type type, JsonSerializerOptions options) =>
        EnumNames.GetOrAdd(type, t => Enum.GetValues(t).Cast<object>()
            .Select(v => JsonSerializer.Serialize(v, t, options).Trim('"'))
            .Distinct()
            .ToArray());
}

/// <summary>Writes a catalogue problem as JSON whatever the request accepts (RFC 9110 lets a server ignore Accept).</summary>
internal sealed class AnyAcceptProblemWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        ProblemCatalogue.Normalise(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(),
            json.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
    }
}
