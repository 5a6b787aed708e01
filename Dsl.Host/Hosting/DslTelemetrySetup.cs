using Dsl.BuildingBlocks.Telemetry;
using Dsl.Host.Hosting.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dsl.Host.Hosting;

public static class DslTelemetrySetup
{
    /// <summary>
    /// Traces and metrics for HTTP, database, Wolverine and Marten, DSL's business metrics, a Prometheus scrape
    /// endpoint (/metrics, admin; or an ops-only listener), and OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    /// </summary>
    public static WebApplicationBuilder AddDslTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // Readable lines in Development, JSON lines elsewhere (Dsl:Logging:Format), with emails masked in both.
        builder.AddDslConsoleLogging();

        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("dsl", serviceVersion: typeof(Program).Assembly.GetName().Version?.ToString()));
        // Spans nobody receives still cost CPU on every request, query and message: trace only when exporting
        // (or when a test host adds its own exporter with Dsl:Tracing).
        if (exporting || builder.Configuration.GetValue("Dsl:Tracing", false))
            telemetry.WithTracing(tracing => tracing
                .AddSource(DslTelemetry.Name, "Wolverine", "Marten")
                .AddProcessor(new Logging.RedactingSpanProcessor())
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx =>
                    !ctx.Request.Path.StartsWithSegments("/health") && !ctx.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddNpgsql());
        var opsListener = builder.Configuration["Dsl:Metrics:Listener"];
        telemetry.WithMetrics(metrics =>
        {
            metrics
                .AddMeter(DslTelemetry.Name, "Wolverine*", "Marten", "Polly")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter();
            // An ops-only address (e.g. http://127.0.0.1:9464/) serves /metrics without a token, off the public port.
            if (Uri.TryCreate(opsListener, UriKind.Absolute, out var address))
                metrics.AddPrometheusHttpListener(listener => (listener.Host, listener.Port) = (address.Host, address.Port));
        });

        if (exporting)
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeScopes = true;
                o.AddProcessor(new Logging.RedactingLogProcessor());
            });
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
