using System.Text.Json.Nodes;
using Dsl.Enrolment.Contracts;
using Dsl.Host.Integrators.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Dsl.Tests.Integrators;

public sealed class EventFeedTests(DslApp app) : IntegratorTest(app)
{
    [Fact]
    public async Task paging_through_the_feed_returns_every_event_exactly_once_in_order()
    {
        var sent = Enumerable.Range(0, 57).Select(i => i % 2 == 0
            ? (EnrolmentIntegrationEvent)Event<EnrolmentSubmitted>(Guid.NewGuid())
            : Event<EnrolmentWaitlisted>(Guid.NewGuid())).ToArray();
        await Publish(sent);
        await Eventually(async () => (await Page("?limit=1000"))["items"]!.AsArray().Count == 57, "all are recorded");

        var read = new List<string>();
        string? cursor = null;
        JsonNode page;
        do
        {
            page = await Page($"?limit=10{(cursor is null ? "" : "&after=" + cursor)}");
            read.AddRange(page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]!.GetValue<string>();
        } while (page["hasMore"]!.GetValue<bool>());

        read.ShouldBe(sent.Select(e => e.EventId.ToString()).ToList(), "every event once, in the order they were published");
        (await Page($"?after={cursor}"))["items"]!.AsArray().ShouldBeEmpty("the last cursor waits at the end for new events");
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));
        await Eventually(async () => (await Page($"?after={cursor}"))["items"]!.AsArray().Count == 1, "a new event follows the last cursor");
    }

    [Fact]
    public async Task events_arriving_together_are_recorded_together_in_one_transaction_per_batch()
    {
        var sent = Enumerable.Range(0, 40).Select(_ => (EnrolmentIntegrationEvent)Event<EnrolmentSubmitted>(Guid.NewGuid())).ToArray();
        var bus = App.Host.MessageBus();
        await Task.WhenAll(sent.Select(e => bus.PublishAsync(e).AsTask()));
        await Eventually(async () => (await Page("?limit=1000"))["items"]!.AsArray().Count == 40, "all are recorded");

        // Rows written by one transaction share its xmin: the log took the 40 in batches, not one commit each.
        await using var transactions = App.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>()
            .CreateCommand("select count(distinct xmin::text) from host.integration_events");
        var commits = Convert.ToInt32(await transactions.ExecuteScalarAsync(Ct));
        commits.ShouldBeLessThan(20, $"40 events arriving together were recorded in {commits} transactions");
    }

    [Fact]
    public async Task the_feed_filters_by_type_and_carries_cloudevents()
    {
        var enrolment = Guid.NewGuid();
        await Publish(Event<EnrolmentSubmitted>(enrolment), Event<EnrolmentWaitlisted>(enrolment));
        await Eventually(async () => (await Page(""))["items"]!.AsArray().Count == 2, "both are recorded");

        var waitlisted = (await Page("?types=dsl.enrolment.waitlisted.v1"))["items"]!.AsArray().Single()!;
        waitlisted["specversion"]!.GetValue<string>().ShouldBe("1.0");
        waitlisted["type"]!.GetValue<string>().ShouldBe("dsl.enrolment.waitlisted.v1");
        waitlisted["subject"]!.GetValue<string>().ShouldBe(enrolment.ToString());
        waitlisted["data"]!["region"]!.GetValue<string>().ShouldBe("london");
    }

    [Theory]
    [InlineData("?after=not-a-cursor", "after")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?types=dsl.enrolment.nope.v1", "types")]
    public async Task bad_feed_queries_are_400s_naming_the_parameter(string query, string field)
    {
        var response = await Integrator.GetAsync("/api/events" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response))["errors"]![field].ShouldNotBeNull();
    }

    [Fact]
    public async Task the_feed_is_for_integrators_and_admins()
    {
        (await App.Client("lead").GetAsync("/api/events", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Admin.GetAsync("/api/events", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_asyncapi_document_lists_every_published_contract_type()
    {
        var published = ModuleFolders.ContractAssemblies()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Dsl.BuildingBlocks.Contracts.IIntegrationEvent).IsAssignableFrom(t))
            .ToList();
        // The scan finds every module's public contracts: a known one of each module that has them, and all of Enrolment's.
        var names = published.Select(t => IntegrationEventCatalogue.Instance.For(t).Name).ToList();
        names.ShouldContain("dsl.curriculum.lead-progressed.v1");
        names.ShouldContain("dsl.curriculum.workshop-scheduled.v1");
        names.ShouldContain("dsl.assessment.self-assessment-submitted.v1");
        names.ShouldContain("dsl.peer-network.set-formed.v1");
        names.ShouldContain("dsl.awards.award-granted.v1");
        names.Count(n => n.StartsWith("dsl.enrolment.")).ShouldBe(15, "Enrolment's twelve enrolment and two cohort events, and the lead-erasure request");

        var response = await App.Client(null).GetAsync("/asyncapi/v1.json", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the catalogue is open");
        var doc = await Json(response);
        doc["asyncapi"]!.GetValue<string>().ShouldBe("3.0.0");
        var channels = doc["channels"]!.AsObject();
        foreach (var type in published)
        {
            var name = IntegrationEventCatalogue.Instance.For(type).Name;
            var channel = channels[type.Name].ShouldNotBeNull($"{type.Name} has no channel");
            channel["address"]!.GetValue<string>().ShouldBe(name);
            var data = doc["components"]!["schemas"]![type.Name]!;
            data["properties"]!["eventId"].ShouldNotBeNull($"{type.Name}'s data schema is generated from the type");
            doc["components"]!["schemas"]![type.Name + "CloudEvent"]!["properties"]!["type"]!["const"]!.GetValue<string>().ShouldBe(name);
        }
        channels.Count.ShouldBe(published.Count);
        doc["components"]!["schemas"]!["PlaceOffered"]!["properties"]!["expiresAt"].ShouldNotBeNull();
    }

    private async Task<JsonNode> Page(string query)
    {
        var response = await Integrator.GetAsync("/api/events" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await Json(response);
    }
}
