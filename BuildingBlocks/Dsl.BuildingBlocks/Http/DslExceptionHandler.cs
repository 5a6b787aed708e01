using System.Diagnostics;
using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// Last line of defence: turns exceptions into problem details. Known persistence races become
/// 409/412; anything else is a 500 with a trace id and no internals.
/// </summary>
public sealed class DslExceptionHandler(IProblemDetailsService problems, ILogger<DslExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                RequestBodyLimit.TooLarge(null),
            BadHttpRequestException bad => Problems.Create(bad.StatusCode, "bad-request", "Bad request", bad.Message),
            // A lost race is a failed precondition when the client stated one (If-Match), else a plain conflict.
            ConcurrencyException or EventStreamUnexpectedMaxEventIdException when context.Request.Headers.IfMatch.Count > 0 =>
                Problems.PreconditionFailed("The resource was changed by another request; read it again and retry."),
            ConcurrencyException or EventStreamUnexpectedMaxEventIdException =>
                Problems.Conflict("The resource was changed by another request at the same time; read it again and retry."),
            DocumentAlreadyExistsException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException =>
                Problems.Conflict("The resource already exists."),
            _ => null,
        };

        if (problem is null && context.RequestAborted.IsCancellationRequested) return true;
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Type = Problems.TypeBase + "internal-error",
                Title = "An unexpected error occurred",
                Status = StatusCodes.Status500InternalServerError,
                Detail = "The error was logged. Quote the traceId when you report it.",
            };
        }

        context.Response.StatusCode = problem.Status!.Value;
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, ProblemDetails = problem, Exception = exception,
        });
    }
}
