using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// Last line of defence: turns exceptions into problem details. Known persistence races become
/// 409/412; an unreachable database is a 503 with Retry-After; anything else is a 500 with a trace id and no internals.
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
            // Kestrel's own wording stays out: the status says enough.
            BadHttpRequestException bad => Problems.Of(ProblemCatalogue.ForStatus(bad.StatusCode), "The request could not be read."),
            // A lost race is a failed precondition when the client stated one (If-Match), else a plain conflict.
            ConcurrencyException or EventStreamUnexpectedMaxEventIdException when context.Request.Headers.IfMatch.Count > 0 =>
                Problems.PreconditionFailed("The resource was changed by another request; read it again and retry."),
            ConcurrencyException or EventStreamUnexpectedMaxEventIdException =>
                Problems.Conflict("The resource was changed by another request at the same time; read it again and retry."),
            DocumentAlreadyExistsException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException =>
                Problems.Conflict("The resource already exists."),
            _ when DatabaseUnavailable.Is(exception) => Problems.Of(Problems.Types.ServiceUnavailable,
                "The service cannot reach its database just now. Retry after the time Retry-After gives; a create retried with the same Idempotency-Key is applied once."),
            _ => null,
        };

        if (problem is null && context.RequestAborted.IsCancellationRequested) return true;
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problems.Of(Problems.Types.InternalError, "The error was logged. Quote the traceId when you report it.");
        }
        if (exception is BadHttpRequestException { StatusCode: var status }) problem.Status = status;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected during an outage or failover, and one line per request would flood the log: a warning without the stack.
            logger.LogWarning("Database unreachable on {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
            context.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // The trace id is added where every problem is written (ProblemCatalogue.Normalise).
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context, ProblemDetails = problem, Exception = exception,
        });
    }
}
