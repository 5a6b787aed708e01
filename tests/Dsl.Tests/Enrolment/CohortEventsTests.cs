using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Enrolment;
using Dsl.Enrolment.Cohorts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Wolverine.Tracking;

namespace Dsl.Tests.Enrolment;

/// <summary>Cohorts are facts other modules need: Enrolment publishes them, and catches up on those that existed before.</summary>
public sealed class CohortEventsTests(DslApp app) : Integrators.IntegratorTest(app)
{
    [Fact]
    public async Task creating_and_changing_a_cohort_publishes_it_as_it_stands()
    {
        var given = new Programme(App);
        var cohort = await given.Cohort(capacity: 12, region: "north-west");
        var etag = (await Admin.GetAsync($"/api/cohorts/{cohort}", Ct)).Headers.ETag!.Tag;
        var change = new HttpRequestMessage(HttpMethod.Patch, $"/api/cohorts/{cohort}")
        {
            Content = JsonContent.Create(new { capacity = 15, facilitatorId = "facilitator-north-west", deliveryMode = "virtual" }),
        };
        change.Headers.IfMatch.ParseAdd(etag);
        (await given.AndWait(() => Admin.SendAsync(change, Ct))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var events = await CohortEvents();
        events.Select(e => e["type"]!.GetValue<string>()).ShouldBe(["dsl.enrolment.cohort-scheduled.v1", "dsl.enrolment.cohort-changed.v1"]);
        events.ShouldAllBe(e => e["source"]!.GetValue<string>() == "urn:dsl:enrolment" && e["subject"]!.GetValue<string>() == cohort.ToString());
        var (scheduled, changed) = (events[0]["data"]!, events[1]["data"]!);
        scheduled["cohortId"]!.GetValue<Guid>().ShouldBe(cohort);
        scheduled["academicYear"]!.GetValue<string>().ShouldBe("2023-24");
        scheduled["region"]!.GetValue<string>().ShouldBe("north-west");
        scheduled["deliveryMode"]!.GetValue<string>().ShouldBe("blended");
        scheduled["name"]!.GetValue<string>().ShouldBe("north-west cohort");
        scheduled["startsOn"]!.GetValue<string>().ShouldBe("2023-10-02");
        scheduled["capacity"]!.GetValue<int>().ShouldBe(12);
        scheduled["facilitatorId"].ShouldBeNull();
        scheduled["revision"]!.GetValue<int>().ShouldBe(1);
        changed["capacity"]!.GetValue<int>().ShouldBe(15);
        changed["deliveryMode"]!.GetValue<string>().ShouldBe("virtual");
        changed["facilitatorId"]!.GetValue<string>().ShouldBe("facilitator-north-west");
        changed["revision"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task a_change_that_changes_nothing_publishes_nothing()
    {
        var given = new Programme(App);
        var cohort = await given.Cohort(capacity: 12);
        var change = new HttpRequestMessage(HttpMethod.Patch, $"/api/cohorts/{cohort}") { Content = JsonContent.Create(new { capacity = 12 }) };
        change.Headers.IfMatch.ParseAdd((await Admin.GetAsync($"/api/cohorts/{cohort}", Ct)).Headers.ETag!.Tag);
        (await given.AndWait(() => Admin.SendAsync(change, Ct))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await CohortEvents()).Select(e => e["type"]!.GetValue<string>()).ShouldBe(["dsl.enrolment.cohort-scheduled.v1"]);
    }

    [Fact]
    public async Task cohorts_from_before_the_event_existed_are_published_once_on_start()
    {
        var given = new Programme(App);
        var announcedAlready = await given.Cohort();
        // A cohort stored before cohort events shipped: no announcement marker.
        var store = App.Host.Services.GetRequiredService<IEnrolmentStore>();
        var old = new Cohort
        {
            Id = Guid.CreateVersion7(), AcademicYearId = "2023-24", Region = Cohort.National, DeliveryMode = DeliveryMode.Virtual,
            Name = "National virtual", StartsOn = new DateOnly(2023, 9, 18), Capacity = 40,
        };
        await using (var session = store.LightweightSession())
        {
            session.Store(old);
            await session.SaveChangesAsync(Ct);
        }

        await Start();
        await Eventually(async () => (await CohortEvents()).Count == 2, "the old cohort is announced");
        // A restart runs the step again: handled here inline, waiting for anything it would publish.
        await App.Host.InvokeMessageAndWaitAsync(new AnnounceExistingCohorts());
        var events = await CohortEvents();
        events.Select(e => e["subject"]!.GetValue<string>()).ShouldBe([announcedAlready.ToString(), old.Id.ToString()]);
        events[1]["type"]!.GetValue<string>().ShouldBe("dsl.enrolment.cohort-scheduled.v1");
        events[1]["data"]!["region"]!.GetValue<string>().ShouldBe("national");
        events[1]["data"]!["revision"]!.GetValue<int>().ShouldBe((await given.Get($"/api/cohorts/{old.Id}"))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task enrolment_events_carry_the_settings_phase_and_type()
    {
        var given = new Programme(App);
        await given.EndorsedEnrolment(await given.Setting(type: "feCollege"), await given.Cohort());

        var events = (await Json(await Integrator.GetAsync(
            "/api/events?types=dsl.enrolment.submitted.v1,dsl.enrolment.endorsed.v1,dsl.enrolment.confirmed.v1", Ct)))["items"]!.AsArray();
        events.Count.ShouldBe(3);
        foreach (var e in events)
        {
            e!["data"]!["settingPhase"]!.GetValue<string>().ShouldBe("secondary");
            e["data"]!["settingType"]!.GetValue<string>().ShouldBe("feCollege");
            e["data"]!["schemaVersion"]!.GetValue<int>().ShouldBe(2);
        }
    }

    /// <summary>Runs the module's start-up step as the host runs it once started.</summary>
    private Task Start() => new AnnounceExistingCohortsOnStart(App.Host.Services.GetRequiredService<IHostApplicationLifetime>(),
        App.Host.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<AnnounceExistingCohortsOnStart>.Instance)
        .StartAsync(Ct);

    private async Task<List<JsonNode>> CohortEvents() =>
        (await Json(await Integrator.GetAsync("/api/events?types=dsl.enrolment.cohort-scheduled.v1,dsl.enrolment.cohort-changed.v1", Ct)))
        ["items"]!.AsArray().Select(e => e!).ToList();
}
