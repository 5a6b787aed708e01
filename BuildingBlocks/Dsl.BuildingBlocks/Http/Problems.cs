using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// One kind of problem the API answers with: its stable <c>type</c> URI (what clients branch on), the status it
/// always comes with, its title, and when it happens. The README's problem table is this list.
/// </summary>
public sealed record ProblemType(string Slug, int Status, string Title, string When, string Members = "")
{
    public string Uri => Problems.TypeBase + Slug;
}

/// <summary>
/// The problem catalogue: every RFC 9457 problem the API writes has one of these types, whether a slice returns
/// it, a middleware answers with it, or the framework produced it and <see cref="ProblemCatalogue"/> mapped it.
/// </summary>
public static class Problems
{
    /// <summary>
    /// Base of every problem type. Types are identifiers clients compare, so the base is fixed rather than
    /// configured per deployment; each type is documented in the README.
    /// </summary>
    public const string TypeBase = "https://dsl.education.gov.uk/problems/";

    public static class Types
    {
        public static readonly ProblemType Validation = new("validation", 400, "One or more fields are invalid",
            "a field breaks a rule, a JSON value has the wrong type or is not one of the allowed values, a field is unknown, or a query parameter cannot be read",
            "`errors`: `{field: [messages]}` (camelCase JSON paths such as `lead.email`); `parameter` when a query parameter is at fault");
        public static readonly ProblemType MalformedJson = new("malformed-json", 400, "The request body is not valid JSON",
            "the body is not JSON, is cut short, is empty or `null`, or is not the JSON object the operation takes",
            "`line`, `position` (1-based) when the JSON breaks off or has a syntax error");
        public static readonly ProblemType BadRequest = new("bad-request", 400, "Bad request",
            "the request cannot be read at the HTTP level (the status may then be another 4xx the server chose, such as 408 or 431)");
        public static readonly ProblemType Unauthorized = new("unauthorized", 401, "Authentication required",
            "no bearer token, or one that is expired, not yet valid or not signed by DSL",
            "`WWW-Authenticate` header");
        public static readonly ProblemType Forbidden = new("forbidden", 403, "Forbidden",
            "the caller's role (or setting) may not do this");
        public static readonly ProblemType NotFound = new("not-found", 404, "Resource not found",
            "no resource has that id (also the empty GUID or a value that is not an id at all), or no such route");
        public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed",
            "the route exists but not with this HTTP method", "`Allow` header");
        public static readonly ProblemType NotAcceptable = new("not-acceptable", 406, "Not acceptable",
            "the `Accept` header excludes JSON");
        public static readonly ProblemType Conflict = new("conflict", 409, "Conflict with the current state",
            "the resource's state does not allow this (e.g. a second active enrolment), it already exists, another request changed it at the same moment, or a request with the same `Idempotency-Key` is still running");
        public static readonly ProblemType PreconditionFailed = new("precondition-failed", 412, "The resource has changed",
            "`If-Match` names an older ETag than the current one");
        public static readonly ProblemType Gone = new("gone", 410, "No longer available",
            "a single-use or expiring link (such as a rater's invitation) has expired, or what it was for is over");
        public static readonly ProblemType PayloadTooLarge = new("payload-too-large", 413, "Request body too large",
            "the body is over 1 MiB, or over the limit the operation states");
        public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", 415, "Unsupported media type",
            "the body's `Content-Type` is not one the operation takes (JSON unless it says otherwise)");
        public static readonly ProblemType IdempotencyKeyReused = new("idempotency-key-reused", 422, "Idempotency key reused",
            "an `Idempotency-Key` is sent again with a different body");
        public static readonly ProblemType PreconditionRequired = new("precondition-required", 428, "If-Match header required",
            "a `PATCH` without `If-Match`");
        public static readonly ProblemType InternalError = new("internal-error", 500, "An unexpected error occurred",
            "anything unforeseen; nothing about the cause is revealed", "only `traceId`");
        public static readonly ProblemType ServiceUnavailable = new("service-unavailable", 503, "Service temporarily unavailable",
            "the database cannot be reached (an outage or a failover): retry after the seconds `Retry-After` gives; a create retried with the same `Idempotency-Key` is applied once",
            "`Retry-After` header");
    }

    /// <summary>Every problem type the API writes.</summary>
    public static readonly IReadOnlyList<ProblemType> Catalogue =
    [
        Types.Validation, Types.MalformedJson, Types.BadRequest, Types.Unauthorized, Types.Forbidden, Types.NotFound,
        Types.MethodNotAllowed, Types.NotAcceptable, Types.Conflict, Types.PreconditionFailed, Types.Gone, Types.PayloadTooLarge,
        Types.UnsupportedMediaType, Types.IdempotencyKeyReused, Types.PreconditionRequired, Types.InternalError, Types.ServiceUnavailable,
    ];

    private static readonly Dictionary<string, ProblemType> BySlug = Catalogue.ToDictionary(t => t.Slug);

    /// <summary>The catalogue entry a type URI names, or null when it is none of DSL's.</summary>
    public static ProblemType? Find(string? typeUri) =>
        typeUri is not null && typeUri.StartsWith(TypeBase, StringComparison.Ordinal)
            && BySlug.TryGetValue(typeUri[TypeBase.Length..], out var type) ? type : null;

    public static ProblemDetails NotFound(string detail) => Of(Types.NotFound, detail);

    public static ProblemDetails Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Of(Types.Conflict, detail, extensions);

    public static ProblemDetails Gone(string detail) => Of(Types.Gone, detail);

    public static ProblemDetails PreconditionFailed(string detail) => Of(Types.PreconditionFailed, detail);

    public static ProblemDetails PreconditionRequired(string detail) => Of(Types.PreconditionRequired, detail);

    public static ProblemDetails Forbidden(string detail) => Of(Types.Forbidden, detail);

    public static ProblemDetails UnsupportedMediaType(string detail) => Of(Types.UnsupportedMediaType, detail);

    public static ProblemDetails MalformedJson(string detail) => Of(Types.MalformedJson, detail);

    public static ProblemDetails Invalid(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new(errors)
        {
            Type = Types.Validation.Uri,
            Title = Types.Validation.Title,
            Status = Types.Validation.Status,
        };

    /// <summary>A problem of a catalogue type, with its status and title.</summary>
    public static ProblemDetails Of(ProblemType type, string? detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Type = type.Uri, Title = type.Title, Status = type.Status, Detail = detail };
        if (extensions is not null)
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = value;
        return problem;
    }

    /// <summary>
    /// A problem named by its catalogue slug (the title is the catalogue's: RFC 9457 keeps a type's title the same
    /// on every occurrence). Prefer the named factories or <see cref="Of"/>; a slug or status outside the catalogue
    /// is a programming error and throws.
    /// </summary>
    public static ProblemDetails Create(int status, string type, string title, string detail,
        IDictionary<string, object?>? extensions = null)
    {
        if (!BySlug.TryGetValue(type, out var known) || known.Status != status)
            throw new ArgumentException($"'{type}' with status {status} is not in the problem catalogue.", nameof(type));
        return Of(known, detail, extensions);
    }
}
