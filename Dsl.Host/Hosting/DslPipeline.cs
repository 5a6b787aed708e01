using Dsl.Host.Integrators.Catalogue;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Dsl.Host.Hosting;

public static class DslPipeline
{
    public static WebApplication UseDsl(this WebApplication app)
    {
        // Every answer names its trace (W3C trace-context "traceresponse"), so a client can quote it and ops can find it.
        app.Use((context, next) =>
        {
            if (System.Diagnostics.Activity.Current is { } activity)
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers["traceresponse"] = $"00-{activity.TraceId}-{activity.SpanId}-01";
                    return Task.CompletedTask;
                });
            return next(context);
        });
        app.UseExceptionHandler();
        // Bare 4xx answers (401, 403, unmatched routes, 405, 415) become problem details too, of the catalogue's
        // types (ProblemCatalogue.Normalise rewrites every problem the framework writes).
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<EmptyIds>();
        app.UseMiddleware<Idempotency>();
        app.UseMiddleware<Dsl.BuildingBlocks.DataProtection.AccessAudit>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteJson,
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapAsyncApi();
        // Metrics name cohorts, volumes and failures: admins only on the public port (or an ops-only listener).
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(policy => policy.RequireRole(BuildingBlocks.Security.Roles.Admin));
        app.MapScalarApiReference(scalar => scalar.WithTitle("DSL API")).AllowAnonymous();

        app.MapWolverineEndpoints(http =>
        {
            // ?limit=abc is a 400 naming the parameter, not a silently ignored value.
            http.RejectUnparseableQueryValues = true;
            http.RejectUnparseableHeaderValues = true;
            http.AddPolicy<ValidationPolicy>();
            http.AddPolicy<ErrorResponsesPolicy>();
        });
        return app;
    }
}
