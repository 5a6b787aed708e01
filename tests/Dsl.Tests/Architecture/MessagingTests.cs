using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Dsl.Assessment.Enrolments;
using Dsl.Awards.Enrolments;
using Dsl.BuildingBlocks.Messaging;
using Dsl.Curriculum.Enrolments;
using Dsl.Enrolment.Contracts;
using Dsl.PeerNetwork.Enrolments;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Configuration;
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
    /// The first send of a message type resolves its routes; requests on several threads can do so at once. None may
    /// see it routed without the log or a module that takes it (ADR 0039): before the fix, 332 of 12,800 such lookups did.
    /// </summary>
    [Fact]
    public async Task a_message_routed_for_the_first_time_on_many_threads_at_once_still_goes_everywhere()
    {
        var runtime = (Wolverine.Runtime.WolverineRuntime)App.Host.GetRuntime();
        // Wolverine's own way of forgetting a type's routes (internal: it does so after describing its resources).
        var forget = typeof(Wolverine.Runtime.WolverineRuntime).GetMethod("ClearRoutingFor", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var incomplete = new List<string>();
        // Every contract message: the public events, and the facts modules take converted as their own (ADR 0038).
        var catalogue = Dsl.Host.Integrators.Catalogue.IntegrationEventCatalogue.Instance;
        foreach (var type in ModuleFolders.ContractAssemblies().SelectMany(a => a.GetExportedTypes()).Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            string Destinations(Wolverine.Runtime.Routing.IMessageRouter router) =>
                string.Join(", ", router.Routes.Select(r => r.Describe().Endpoint.ToString()).Order());
            var expected = Destinations(runtime.RoutingFor(type));
            if (catalogue.Lists(type)) expected.ShouldContain("local://integration-events/");
            for (var round = 0; round < 20; round++)
            {
                forget.Invoke(runtime, [type]);
                using var together = new Barrier(8);
                var seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
                {
                    together.SignalAndWait(Ct);
                    return Destinations(runtime.RoutingFor(type));
                }, Ct)));
                incomplete.AddRange(seen.Where(s => s != expected).Select(s => $"{type.Name} to [{s}]"));
            }
        }
        incomplete.ShouldBeEmpty($"{incomplete.Count} lookups routed an event without all its destinations: {string.Join("; ", incomplete.Take(5))}");
    }

    [Fact]
    public void each_module_takes_enrolments_facts_from_its_own_sequential_queue()
    {
        var runtime = App.Host.GetRuntime();
        string[] Destinations(Type message) => runtime.RoutingFor(message).Routes.Select(r => r.Describe().Endpoint.ToString()).Order().ToArray();

        Destinations(typeof(EnrolmentSubmitted)).ShouldBe(["local://curriculum-enrolments/", "local://integration-events/"]);
        Destinations(typeof(EnrolmentConfirmed)).ShouldBe(["local://assessment-enrolments/", "local://awards-enrolments/",
            "local://curriculum-enrolments/", "local://integration-events/", "local://peer-network-enrolments/"]);
        Destinations(typeof(LeadNamed)).ShouldBe(["local://assessment-enrolments/", "local://awards-enrolments/", "local://curriculum-enrolments/"]);
        // Sent together (ADR 0042): one envelope to each module that combines both, each message alone to the others;
        // two events sent together still reach the log as two.
        Destinations(typeof(SentTogether<EnrolmentConfirmed, LeadNamed>)).ShouldBe(["local://assessment-enrolments/", "local://awards-enrolments/",
            "local://curriculum-enrolments/", "local://integration-events/", "local://peer-network-enrolments/"]);
        Destinations(typeof(SentTogether<EnrolmentEndorsed, EnrolmentConfirmed>)).ShouldBe(["local://assessment-enrolments/", "local://awards-enrolments/",
            "local://curriculum-enrolments/", "local://integration-events/", "local://integration-events/", "local://peer-network-enrolments/"]);
        foreach (var queue in new[] { "curriculum-enrolments", "assessment-enrolments", "awards-enrolments", "peer-network-enrolments" })
        {
            var endpoint = runtime.Endpoints.EndpointFor(new Uri($"local://{queue}/"))!;
            endpoint.Mode.ShouldBe(EndpointMode.Durable, queue);
            if (queue == "peer-network-enrolments")
                endpoint.MaxDegreeOfParallelism.ShouldBeGreaterThan(1, "a confirmation stands alone, so PeerNetwork takes two batches at a time");
            else
                endpoint.MaxDegreeOfParallelism.ShouldBe(1, $"{queue} is sequential, so a module's facts keep the order they were sent in");
        }
    }

    [Fact]
    public async Task a_batch_applies_each_update_to_what_the_ones_before_it_left()
    {
        var id = Guid.NewGuid();
        var confirmed = new EnrolmentConfirmed
        {
            EventId = Guid.NewGuid(), EnrolmentId = id, SettingUrn = "100001", CohortId = Guid.NewGuid(), Region = "london",
            AcademicYear = "2026/27", OccurredAt = App.Clock.GetUtcNow(),
        };
        // The confirmation ahead of its submission (a short track), a redelivered confirmation, a lead named then replaced.
        await App.Host.InvokeMessageAndWaitAsync(new CurriculumEnrolmentUpdate[]
        {
            new(Confirmed: confirmed), new(Submitted: new EnrolmentSubmitted { EventId = Guid.NewGuid(), EnrolmentId = id, Region = "london", Track = "short" }),
            new(Confirmed: confirmed), new(Named: new LeadNamed(id, "Ada Lovelace", "Batch School", "london")),
            new(Named: new LeadNamed(id, "Grace Hopper", "Batch School", "london")),
        });

        await using var session = App.Host.Services.GetRequiredService<Dsl.Curriculum.ICurriculumStore>().QuerySession();
        var progress = await session.LoadAsync<Dsl.Curriculum.Progress.LeadProgress>(id, Ct);
        progress.ShouldNotBeNull().Track.ShouldBe("short", "the submission that came after the confirmation set the open record's track");
        progress.Phases.Count.ShouldBe(1, "the redelivered confirmation opened nothing more");
        (await session.LoadAsync<Dsl.Curriculum.Certificates.LeadCertificateName>(id, Ct)).ShouldNotBeNull().LeadName
            .ShouldBe("Grace Hopper", "the later name wins");
    }

    [Fact]
    public async Task a_batch_marks_its_messages_handled_in_its_own_transaction()
    {
        var given = new Programme(App);
        var id = await given.Enrolment(await given.Setting(), await given.Cohort());
        (await given.Endorse(id)).EnsureSuccessStatusCode();
        await App.Settled();

        // A row written by a transaction carries its id (xmin): the envelope that brought a message to its batch was
        // marked handled by the transaction that wrote the batch's effect, not by a commit of its own after it (ADR 0040).
        var db = App.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        async Task<(string Effect, string Envelope, string Status)> Settled(string effect, string messageType, params string[] mentions)
        {
            await using var command = db.CreateCommand($"""
                select ({effect}), e.xmin::text, e.status from wolverine.wolverine_incoming_envelopes e
                where e.message_type = $1 and (select bool_and(position(convert_to(m, 'UTF8') in e.body) > 0) from unnest($2::text[]) m)
                """);
            command.Parameters.AddWithValue(messageType);
            command.Parameters.AddWithValue(mentions);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            (await reader.ReadAsync(Ct)).ShouldBeTrue($"no {messageType} envelope mentions {string.Join(" and ", mentions)}");
            return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }

        var logged = await Settled($"select xmin::text from host.integration_events where type = 'dsl.enrolment.confirmed.v1' and subject = '{id}'",
            "dsl.host.record-integration-event.v1", "dsl.enrolment.confirmed.v1", id.ToString());
        logged.Status.ShouldBe("Handled");
        logged.Envelope.ShouldBe(logged.Effect, "the log's envelope was marked handled in the transaction that recorded the event");
        var member = await Settled($"select xmin::text from peer_network.mt_doc_networkmember where id = '{id}'",
            "dsl.peer-network.enrolment-update.v1", id.ToString());
        member.Status.ShouldBe("Handled");
        member.Envelope.ShouldBe(member.Effect, "PeerNetwork's envelope was marked handled in the transaction that made the member");
    }

    /// <summary>
    /// A batch marks its messages handled in the host's one envelope table (ADR 0040): a module with message storage
    /// of its own would leave its batches' rows unmarked, so it must not get one unnoticed.
    /// </summary>
    [Fact]
    public async Task every_module_keeps_its_envelopes_in_the_hosts_one_envelope_table()
    {
        await using var command = App.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            "select string_agg(table_schema, ', ' order by table_schema) from information_schema.tables where table_name = 'wolverine_incoming_envelopes'");
        (await command.ExecuteScalarAsync(Ct)).ShouldBe("wolverine");
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
        // Each module takes the confirmation as its own update (ADR 0038).
        tracked.Sent.MessagesOf<CurriculumEnrolmentUpdate>().Count(u => u.Confirmed?.EnrolmentId == id).ShouldBe(1, "one confirmation for Curriculum");
        tracked.Sent.MessagesOf<AssessmentEnrolmentUpdate>().Count(u => u.Confirmed?.EnrolmentId == id).ShouldBe(1, "for Assessment");
        tracked.Sent.MessagesOf<AwardsEnrolmentUpdate>().Count(u => u.Confirmed?.EnrolmentId == id).ShouldBe(1, "for Awards");
        tracked.Sent.MessagesOf<PeerNetworkEnrolmentUpdate>().Count(u => u.Confirmed.EnrolmentId == id).ShouldBe(1, "for PeerNetwork");
        tracked.Sent.MessagesOf<Dsl.Host.Integrators.Events.RecordIntegrationEvent>().Count(e => e.Type == "dsl.enrolment.confirmed.v1")
            .ShouldBe(1, "and one for the integration event log");
        // The lead's name rides in the confirmation's envelope to each module that keeps both (ADR 0042).
        tracked.Sent.MessagesOf<CurriculumEnrolmentUpdate>().Where(u => u.Named?.EnrolmentId == id).ShouldHaveSingleItem().Confirmed.ShouldNotBeNull();
        tracked.Sent.MessagesOf<AssessmentEnrolmentUpdate>().Where(u => u.Named?.EnrolmentId == id).ShouldHaveSingleItem().Confirmed.ShouldNotBeNull();
        tracked.Sent.MessagesOf<AwardsEnrolmentUpdate>().Where(u => u.Named?.EnrolmentId == id).ShouldHaveSingleItem().Confirmed.ShouldNotBeNull();
        await App.Settled();
        var enrolment = await given.Get($"/api/enrolments/{id}");
        enrolment["history"]!.AsArray().Count(h => h!["because"]!.GetValue<string>() == "place allocated").ShouldBe(1);
        (await given.Get($"/api/curriculum/progress/{id}"))["phases"]!.AsArray().Count.ShouldBe(1);
        (await given.Get("/api/events?types=dsl.enrolment.confirmed.v1"))["items"]!.AsArray().Count.ShouldBe(1);
    }
}
