using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// RFC 9457 problem bodies for the state checks a slice makes. Every problem type is a stable URI
/// so clients can branch on it without parsing prose.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://dsl.education.gov.uk/problems/";

    public static ProblemDetails NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, "not-found", "Resource not found", detail);

    public static ProblemDetails Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Create(StatusCodes.Status409Conflict, "conflict", "Conflict with the current state", detail, extensions);

    public static ProblemDetails PreconditionFailed(string detail) =>
        Create(StatusCodes.Status412PreconditionFailed, "precondition-failed", "The resource has changed", detail);

    public static ProblemDetails PreconditionRequired(string detail) =>
        Create(StatusCodes.Status428PreconditionRequired, "precondition-required", "If-Match header required", detail);

    public static ProblemDetails Invalid(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new(errors)
        {
            Type = TypeBase + "validation",
            Title = "One or more fields are invalid",
            Status = StatusCodes.Status400BadRequest,
        };

    public static ProblemDetails Create(int status, string type, string title, string detail,
        IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Type = TypeBase + type, Title = title, Status = status, Detail = detail };
        if (extensions is not null)
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = value;
        return problem;
    }
}
