using System.Diagnostics;
using System.Reflection;

namespace Dsl.Host.Commands;

/// <summary>
/// `dotnet run --project Dsl.Host -- dashboard`: starts the standalone Aspire dashboard (a real OpenTelemetry
/// UI receiving OTLP, restored as a NuGet package) and runs the host exporting traces, metrics and logs to it.
/// The dashboard keeps telemetry in memory and stops with the host.
/// </summary>
public sealed class DashboardCommand : IDisposable
{
    private readonly Process _process;

    private DashboardCommand(Process process, string uiUrl, string otlpUrl) => (_process, UiUrl, OtlpUrl) = (process, uiUrl, otlpUrl);

    public string UiUrl { get; }
    /// <summary>Where to send OTLP over gRPC.</summary>
    public string OtlpUrl { get; }

    /// <summary>Starts the dashboard; with <paramref name="exportHere"/>, this process's host will export to it.</summary>
    public static DashboardCommand Start(int uiPort = 18888, int otlpGrpcPort = 4317, int otlpHttpPort = 4318, bool exportHere = true)
    {
        var (uiUrl, otlpUrl) = ($"http://localhost:{uiPort}", $"http://localhost:{otlpGrpcPort}");
        var path = typeof(DashboardCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "AspireDashboard")?.Value;
        if (path is null || !File.Exists(path))
            throw new InvalidOperationException(
                $"The Aspire dashboard is not at {path}; run `dotnet restore Dsl.Host` (it is a PackageDownload of Aspire.Dashboard.Sdk.linux-x64).");

        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(path)!,
            Environment =
            {
                ["ASPNETCORE_URLS"] = uiUrl,
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = otlpUrl,
                ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://localhost:{otlpHttpPort}",
                // A developer's local dashboard: no login, and its HTTP API on for scripts and tests.
                ["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true",
                ["DASHBOARD__API__ENABLED"] = "true",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) Console.Error.WriteLine("dashboard: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (exportHere)
        {
            // The host reads these like any OpenTelemetry setting: export everything to the dashboard, metrics every 5 s.
            Environment.SetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT", otlpUrl);
            Environment.SetEnvironmentVariable("OTEL_METRIC_EXPORT_INTERVAL", "5000");
            Console.Error.WriteLine($"Aspire dashboard: {uiUrl} (traces, metrics and logs of this run; find an enrolment's trace by " +
                "filtering Traces on dsl.enrolment_id)");
        }
        return new DashboardCommand(process, uiUrl, otlpUrl);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
