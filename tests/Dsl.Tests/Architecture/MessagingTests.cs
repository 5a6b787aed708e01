using System.Reflection;
using Dsl.Enrolment.Contracts;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Tracking;

namespace Dsl.Tests.Architecture;

public sealed class MessagingTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public void every_contract_message_has_a_stable_versioned_identity()
    {
        var contracts = ModuleFolders.ContractAssemblies()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .ToList();

        contracts.ShouldNotBeEmpty();
        foreach (var type in contracts)
        {
            var identity = type.GetCustomAttribute<MessageIdentityAttribute>();
            identity.ShouldNotBeNull($"{type.Name} has no [MessageIdentity]");
            identity.Alias!.ShouldMatch(@"^dsl\.[a-z-]+\.[a-z-]+\.v\d+$");
        }
        contracts.Select(t => t.GetCustomAttribute<MessageIdentityAttribute>()!.Alias).Distinct().Count().ShouldBe(contracts.Count);
    }

    [Fact]
    public void every_integration_event_is_recorded_from_the_one_sequential_queue()
    {
        var runtime = App.Host.GetRuntime();
        foreach (var type in Dsl.Host.Integrators.Catalogue.IntegrationEventCatalogue.Instance.Types)
        {
            var destinations = runtime.RoutingFor(type.ClrType).Routes.Select(r => r.Describe().Endpoint.ToString()).ToList();
            destinations.ShouldContain("local://integration-events/", $"{type.Name} goes to {string.Join(", ", destinations)}");
        }
    }

    /// <summary>
    /// The first send of an event type resolves its routes; requests on several threads can do so at once. None may
    /// see the event routed without the log (ADR 0039): on main before the fix, 332 of 12,800 such lookups did.
    /// </summary>
    [Fact]
    public async Task an_event_routed_for_the_first_time_on_many_threads_at_once_still_goes_to_the_log()
    {
        var runtime = (Wolverine.Runtime.WolverineRuntime)App.Host.GetRuntime();
        // Wolverine's own way of forgetting a type's routes (internal: it does so after describing its resources).
        var forget = typeof(Wolverine.Runtime.WolverineRuntime).GetMethod("ClearRoutingFor", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var incomplete = new List<string>();
        foreach (var type in Dsl.Host.Integrators.Catalogue.IntegrationEventCatalogue.Instance.Types)
        {
            string Destinations(Wolverine.Runtime.Routing.IMessageRouter router) =>
                string.Join(", ", router.Routes.Select(r => r.Describe().Endpoint.ToString()).Order());
            var expected = Destinations(runtime.RoutingFor(type.ClrType));
            expected.ShouldContain("local://integration-events/");
            for (var round = 0; round < 20; round++)
            {
                forget.Invoke(runtime, [type.ClrType]);
                using var together = new Barrier(8);
                var seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
                {
                    together.SignalAndWait(Ct);
                    return Destinations(runtime.RoutingFor(type.ClrType));
                }, Ct)));
                incomplete.AddRange(seen.Where(s => s != expected).Select(s => $"{type.Name} to [{s}]"));
            }
        }
        incomplete.ShouldBeEmpty($"{incomplete.Count} lookups routed an event without all its destinations: {string.Join("; ", incomplete.Take(5))}");
    }

    [Fact]
    public async Task a_message_to_other_modules_commits_atomically_with_the_writers_data()
    {
        var given = new Programme(App);
        var id = await given.Enrolment(await given.Setting(), await given.Cohort());

        // Concurrent endorsements of one enrolment: all pass validation, one commits, the others fail at
        // commit. A loser's cascaded EnrolmentConfirmed must vanish with its rolled-back events.
        HttpResponseMessage[] responses = [];
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
        {
            responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => given.Endorse(id, App.Client("admin"))));
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        tracked.Sent.MessagesOf<EnrolmentConfirmed>().Select(e => e.EventId).Distinct().Count()
            .ShouldBe(1, "one confirmation, for Curriculum, PeerNetwork, Assessment and Awards to take in their batches");
        tracked.Sent.MessagesOf<Dsl.Host.Integrators.Events.RecordIntegrationEvent>().Count(e => e.Type == "dsl.enrolment.confirmed.v1")
            .ShouldBe(1, "and one for the integration event log");
        await App.Settled();
        var enrolment = await given.Get($"/api/enrolments/{id}");
        enrolment["history"]!.AsArray().Count(h => h!["because"]!.GetValue<string>() == "place allocated").ShouldBe(1);
        (await given.Get($"/api/curriculum/progress/{id}"))["phases"]!.AsArray().Count.ShouldBe(1);
        (await given.Get("/api/events?types=dsl.enrolment.confirmed.v1"))["items"]!.AsArray().Count.ShouldBe(1);
    }
}
