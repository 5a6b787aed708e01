using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;


namespace Dsl.Tests.Infrastructure;

/// <summary>
/// A database of a test's own on the run's PostgreSQL, for hosts that must not share the fixture's
/// (a restarted or separate-process host). Dropped, with its connections, on dispose.
/// </summary>
public sealed class OwnDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private OwnDatabase(string server, string name) => (_server, _name) = (server, name);

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;

    public static async Task<OwnDatabase> CreateAsync(DslApp app, string purpose)
    {
        var database = new OwnDatabase(app.ConnectionString, $"dsl_{purpose}_{Guid.NewGuid():N}"[..(purpose.Length + 12)]);
        await database.ExecuteAsync($"create database {database._name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"drop database if exists {_name} with (force)");
    }

    private async Task ExecuteAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Programme data through the public API of any host reached over HTTP (a separate process, a second host).</summary>
public static class HostApi
{
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<Guid> Cohort(HttpClient admin, string name, int capacity)
    {
        var response = await admin.PostAsJsonAsync("/api/cohorts", new
        {
            academicYearId = "2023-24", region = "london", deliveryMode = "virtual", name, startsOn = "2023-10-02", capacity,
        });
        return await IdOf(response);
    }

    public static async Task<Guid> Enrolment(HttpClient admin, string urn, Guid cohort) =>
        (await TracedEnrolment(admin, urn, cohort)).Id;

    /// <summary>Submits an enrolment; also returns the trace id the host answered with (traceresponse), if tracing.</summary>
    public static async Task<(Guid Id, string? TraceId)> TracedEnrolment(HttpClient admin, string urn, Guid cohort)
    {
        (await admin.PostAsJsonAsync("/api/settings", new
        {
            urn, name = "School " + urn, type = "academy", phase = "primary", localAuthority = "Camden", region = "london",
        })).EnsureSuccessStatusCode();
        var response = await admin.PostAsJsonAsync("/api/enrolments",
            new { settingUrn = urn, lead = Programme.Lead(), cohortId = cohort, track = "full" });
        var traceId = response.Headers.TryGetValues("traceresponse", out var values) ? values.Single().Split('-')[1] : null;
        return (await IdOf(response), traceId);
    }

    public static async Task<Guid> EndorsedEnrolment(HttpClient admin, string urn, Guid cohort) =>
        (await TracedEndorsedEnrolment(admin, urn, cohort)).Id;

    public static async Task<(Guid Id, string? SubmitTraceId)> TracedEndorsedEnrolment(HttpClient admin, string urn, Guid cohort)
    {
        var (id, traceId) = await TracedEnrolment(admin, urn, cohort);
        (await admin.PostAsJsonAsync($"/api/enrolments/{id}/endorsement", Programme.Endorsement)).EnsureSuccessStatusCode();
        return (id, traceId);
    }

    public static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<Guid>();
    }
}
