using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alba;
using Dsl.Host.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        await using var database = await OwnDatabase.CreateAsync(app, "restart");
        Guid holder, offered, next;
        DateTime offeredAt;
        await using (var first = await StartHost(database.ConnectionString))
        {
            var admin = AdminClient(first);
            var cohort = await HostApi.Cohort(admin, "Restart cohort", capacity: 1);
            holder = await HostApi.EndorsedEnrolment(admin, "300001", cohort);
            offered = await HostApi.EndorsedEnrolment(admin, "300002", cohort);
            next = await HostApi.EndorsedEnrolment(admin, "300003", cohort);
            (await admin.PostAsJsonAsync($"/api/enrolments/{holder}/withdrawal", new { reason = "leadLeft" }, Ct)).EnsureSuccessStatusCode();
            offeredAt = DateTime.UtcNow;
            (await Status(admin, offered)).ShouldBe("placeOffered");
        }
        (DateTime.UtcNow - offeredAt).ShouldBeLessThan(Expiry, "the first host must be gone before the offer is due");

        await using var second = await StartHost(database.ConnectionString);
        var client = AdminClient(second);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await Status(client, next) != "placeOffered" && DateTime.UtcNow < deadline)
            await Task.Delay(250, Ct); // polling the outcome, not sleeping in place of a wait

        (await Status(client, next)).ShouldBe("placeOffered");
        (await Status(client, offered)).ShouldBe("waitlisted");
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
                // A meter name of its own: every host in this process shares one MeterListener space, and disposing a
                // second "Wolverine:dsl" meter took the fixture's Wolverine instruments out of its metrics scrape.
                services.ConfigureWolverine(opts => opts.ServiceName = "dsl-restart-test");
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

    private static async Task<string> Status(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonNode>($"/api/enrolments/{id}", Ct))!["status"]!.GetValue<string>();
}
