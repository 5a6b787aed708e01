using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alba;
using Dsl.Host.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Dsl.Tests.Enrolment;

/// <summary>
/// An offer's expiry is a durable scheduled message: a host that stops before the offer expires must
/// not lose it. Runs its own hosts on their own database so the shared host cannot pick the message up.
/// </summary>
public sealed class OfferExpiryRestartTests(DslApp app)
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(6);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task an_expired_offer_moves_on_after_a_host_restart()
    {
        var database = "dsl_restart_" + Guid.NewGuid().ToString("N")[..8];
        var connection = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database }.ConnectionString;
        await Execute($"create database {database}");
        try
        {
            Guid holder, offered, next;
            DateTime offeredAt;
            await using (var first = await StartHost(connection))
            {
                var admin = AdminClient(first);
                var cohort = await Created(admin, "/api/cohorts", new
                {
                    academicYearId = "2023-24", region = "london", deliveryMode = "virtual", name = "Restart cohort",
                    startsOn = "2023-10-02", capacity = 1,
                });
                holder = await EndorsedEnrolment(admin, "300001", cohort);
                offered = await EndorsedEnrolment(admin, "300002", cohort);
                next = await EndorsedEnrolment(admin, "300003", cohort);
                (await admin.PostAsJsonAsync($"/api/enrolments/{holder}/withdrawal", new { reason = "leadLeft" }, Ct)).EnsureSuccessStatusCode();
                offeredAt = DateTime.UtcNow;
                (await Status(admin, offered)).ShouldBe("placeOffered");
            }
            (DateTime.UtcNow - offeredAt).ShouldBeLessThan(Expiry, "the first host must be gone before the offer is due");

            await using var second = await StartHost(connection);
            var client = AdminClient(second);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await Status(client, next) != "placeOffered" && DateTime.UtcNow < deadline)
                await Task.Delay(250, Ct); // polling the outcome, not sleeping in place of a wait

            (await Status(client, next)).ShouldBe("placeOffered");
            (await Status(client, offered)).ShouldBe("waitlisted");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute($"drop database if exists {database} with (force)");
        }
    }

    private async Task<IAlbaHost> StartHost(string connectionString)
    {
        var previous = (Environment.GetEnvironmentVariable("ConnectionStrings__Dsl"), Environment.GetEnvironmentVariable("Dsl__Enrolment__OfferExpiry"));
        Environment.SetEnvironmentVariable("ConnectionStrings__Dsl", connectionString);
        Environment.SetEnvironmentVariable("Dsl__Enrolment__OfferExpiry", Expiry.ToString());
        try
        {
            return await AlbaHost.For<Program>(web => web.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
            }));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__Dsl", previous.Item1);
            Environment.SetEnvironmentVariable("Dsl__Enrolment__OfferExpiry", previous.Item2);
        }
    }

    private static HttpClient AdminClient(IAlbaHost host)
    {
        var client = host.Server.CreateClient();
        var tokens = TokenIssuer.From(host.Services.GetRequiredService<IConfiguration>(), allowDevelopmentKey: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue("admin"));
        return client;
    }

    private static async Task<Guid> Created(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid> EndorsedEnrolment(HttpClient admin, string urn, Guid cohort)
    {
        (await admin.PostAsJsonAsync("/api/settings", new
        {
            urn, name = "Restart School " + urn, type = "academy", phase = "primary", localAuthority = "Camden", region = "london",
        }, Ct)).EnsureSuccessStatusCode();
        var id = await Created(admin, "/api/enrolments", new { settingUrn = urn, lead = Programme.Lead(), cohortId = cohort, track = "full" });
        (await admin.PostAsJsonAsync($"/api/enrolments/{id}/endorsement", Programme.Endorsement, Ct)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<string> Status(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonNode>($"/api/enrolments/{id}", Ct))!["status"]!.GetValue<string>();

    private async Task Execute(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
