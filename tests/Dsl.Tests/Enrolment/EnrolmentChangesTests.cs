using System.Net.Http.Json;
using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment;
using Dsl.Enrolment.Contracts;
using Dsl.Enrolment.Enrolments;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Dsl.Tests.Enrolment;

public sealed class EnrolmentChangesTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    private async Task<string> Status(Guid id) => (await Given.Get($"/api/enrolments/{id}"))["status"]!.GetValue<string>();

    private Task<HttpResponseMessage> Advance(Guid id, string phase) =>
        Given.AndWait(() => Admin.PostAsJsonAsync($"/api/curriculum/progress/{id}/phase", new { phase, reason = "test: trained elsewhere" }, Ct));

    [Fact]
    public async Task transfer_to_a_full_cohort_is_refused_and_to_a_cohort_with_room_frees_the_old_place()
    {
        var from = await Given.Cohort(capacity: 1);
        var full = await Given.Cohort(capacity: 1, region: "north-west");
        var roomy = await Given.Cohort(capacity: 3, region: "south-west");
        var mover = await Given.EndorsedEnrolment(await Given.Setting(), from);
        var waiting = await Given.EndorsedEnrolment(await Given.Setting(), from);
        await Given.EndorsedEnrolment(await Given.Setting(), full);

        var refused = await Admin.PostAsJsonAsync($"/api/enrolments/{mover.Id}/transfer", new { cohortId = full }, Ct);
        var moved = await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{mover.Id}/transfer", new { cohortId = roomy }, Ct));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var enrolment = await Json(moved);
        enrolment["cohortId"]!.GetValue<Guid>().ShouldBe(roomy);
        enrolment["status"]!.GetValue<string>().ShouldBe("confirmed");
        (await Status(waiting.Id)).ShouldBe("placeOffered");
        (await Given.Get($"/api/cohorts/{roomy}"))["placesTaken"]!.GetValue<int>().ShouldBe(1);
        (await Given.Get($"/api/peer-network/members/{mover.Id}"))["cohortId"]!.GetValue<Guid>().ShouldBe(roomy);
    }

    [Fact]
    public async Task a_waitlisted_lead_transferred_to_a_cohort_with_room_is_confirmed_there()
    {
        var full = await Given.Cohort(capacity: 1);
        var roomy = await Given.Cohort(capacity: 2, region: "north-west");
        await Given.EndorsedEnrolment(await Given.Setting(), full);
        var waiting = await Given.EndorsedEnrolment(await Given.Setting(), full);
        waiting.Status.ShouldBe("waitlisted");

        var moved = await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{waiting.Id}/transfer", new { cohortId = roomy }, Ct));

        (await Json(moved))["status"]!.GetValue<string>().ShouldBe("confirmed");
        (await Given.Get($"/api/cohorts/{roomy}"))["placesTaken"]!.GetValue<int>().ShouldBe(1);
        (await Given.Get($"/api/cohorts/{full}"))["waitlistLength"]!.GetValue<int>().ShouldBe(0);
        (await Given.Get($"/api/peer-network/members/{waiting.Id}"))["cohortId"]!.GetValue<Guid>().ShouldBe(roomy);
    }

    [Fact]
    public async Task a_replacement_lead_keeps_the_place_but_needs_endorsing_again()
    {
        var cohort = await Given.Cohort(capacity: 1);
        var urn = await Given.Setting();
        var enrolment = await Given.EndorsedEnrolment(urn, cohort);

        var replaced = await Admin.PostAsJsonAsync($"/api/enrolments/{enrolment.Id}/replace-lead",
            new { lead = Programme.Lead("Jo Patel", "jo.patel@example.org") }, Ct);

        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await Json(replaced);
        view["status"]!.GetValue<string>().ShouldBe("awaitingEndorsement");
        view["lead"]!["name"]!.GetValue<string>().ShouldBe("Jo Patel");
        (await Given.Get($"/api/cohorts/{cohort}"))["placesLeft"]!.GetValue<int>().ShouldBe(0);

        var reendorsed = await Given.Endorse(enrolment.Id, App.Client("head", urn));

        (await Json(reendorsed))["status"]!.GetValue<string>().ShouldBe("confirmed");
        (await Given.Get($"/api/cohorts/{cohort}"))["placesTaken"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task only_a_short_track_enrolment_defers_embedding()
    {
        var cohort = await Given.Cohort();
        var shortTrack = await Given.EndorsedEnrolment(await Given.Setting(), cohort, track: "short");
        var fullTrack = await Given.EndorsedEnrolment(await Given.Setting(), cohort);

        var deferred = await Admin.PostAsync($"/api/enrolments/{shortTrack.Id}/defer-embedding", null, Ct);
        var refused = await Admin.PostAsync($"/api/enrolments/{fullTrack.Id}/defer-embedding", null, Ct);
        var again = await Admin.PostAsync($"/api/enrolments/{shortTrack.Id}/defer-embedding", null, Ct);

        deferred.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(deferred))["embeddingDeferred"]!.GetValue<bool>().ShouldBeTrue();
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task the_enrolment_completes_when_curriculum_reports_the_programme_finished()
    {
        var enrolment = await Given.EndorsedEnrolment(await Given.Setting(), await Given.Cohort());

        (await Advance(enrolment.Id, "embedding")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Advance(enrolment.Id, "reflectivePlanning")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Given.Get($"/api/enrolments/{enrolment.Id}"))["phase"]!.GetValue<string>().ShouldBe("reflectivePlanning");
        (await Advance(enrolment.Id, "embedding")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Advance(enrolment.Id, "completed")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Status(enrolment.Id)).ShouldBe("completed");
    }

    [Fact]
    public async Task a_setting_enrols_again_only_if_its_lead_withdrew_before_embedding()
    {
        var cohort = await Given.Cohort();
        var early = await Given.Setting();
        var late = await Given.Setting();
        var earlyEnrolment = await Given.EndorsedEnrolment(early, cohort);
        var lateEnrolment = await Given.EndorsedEnrolment(late, cohort);
        await Advance(lateEnrolment.Id, "reflectivePlanning");
        await Advance(lateEnrolment.Id, "embedding");

        foreach (var id in new[] { earlyEnrolment.Id, lateEnrolment.Id })
            (await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{id}/withdrawal", new { reason = "leadLeft" }, Ct)))
                .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Given.Submit(early, cohort)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Given.Submit(late, cohort)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task withdrawing_twice_is_a_409()
    {
        var enrolment = await Given.EndorsedEnrolment(await Given.Setting(), await Given.Cohort());
        await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{enrolment.Id}/withdrawal", new { reason = "other" }, Ct));

        var again = await Admin.PostAsJsonAsync($"/api/enrolments/{enrolment.Id}/withdrawal", new { reason = "other" }, Ct);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(again))["currentStatus"]!.GetValue<string>().ShouldBe("withdrawn");
    }

    [Fact]
    public async Task another_module_can_flag_an_enrolment_at_risk()
    {
        var enrolment = await Given.EndorsedEnrolment(await Given.Setting(), await Given.Cohort());

        var tracked = await App.Host.InvokeMessageAndWaitAsync(new FlagEnrolmentAtRisk(enrolment.Id, "missedWorkshop"));

        var view = await Given.Get($"/api/enrolments/{enrolment.Id}");
        view["atRisk"]!.GetValue<bool>().ShouldBeTrue();
        view["atRiskReason"]!.GetValue<string>().ShouldBe("missedWorkshop");
        tracked.PublishedEvents<EnrolmentAtRisk>().Single().Reason.ShouldBe("missedWorkshop");

        var again = await App.Host.InvokeMessageAndWaitAsync(new FlagEnrolmentAtRisk(enrolment.Id, "missedWorkshop"));
        again.PublishedEvents<EnrolmentAtRisk>().ShouldBeEmpty("already at risk for that reason: nothing new to say");
        var other = await App.Host.InvokeMessageAndWaitAsync(new FlagEnrolmentAtRisk(enrolment.Id, "missedActionLearningSessions"));
        other.PublishedEvents<EnrolmentAtRisk>().Single().Reason.ShouldBe("missedActionLearningSessions");
    }

    [Fact]
    public async Task the_daily_sweep_marks_a_lead_quiet_for_the_inactivity_period_at_risk_once_and_nobody_active()
    {
        var quiet = await Given.EndorsedEnrolment(await Given.Setting(), await Given.Cohort());
        var due = await App.NextRun<IEnrolmentStore>(SweepInactiveEnrolmentsHandler.Job, new SweepInactiveEnrolments());
        var early = await Sweep(new(due.ScheduledFor, due.Chain));
        early.Sent.MessagesOf<CheckEnrolmentActivity>().ShouldNotContain(c => c.EnrolmentId == quiet.Id, "not quiet for long enough yet");
        // The run scheduled its chain's next, for 02:00 UTC the day after the one it was due on.
        early.Scheduled.MessagesOf<SweepInactiveEnrolments>().Distinct().ShouldHaveSingleItem()
            .ShouldBe(new SweepInactiveEnrolments(DailyRuns.NextRunAfter(due.ScheduledFor), due.Chain));

        App.Clock.Advance(TimeSpan.FromDays(31));
        var active = await Given.EndorsedEnrolment(await Given.Setting(), await Given.Cohort());
        // A start finds the chain's run missed (the clock moved on a month), so its run does the job and begins a new chain.
        var run = await Sweep(new());

        run.Sent.MessagesOf<CheckEnrolmentActivity>().ShouldContain(c => c.EnrolmentId == quiet.Id);
        run.Sent.MessagesOf<CheckEnrolmentActivity>().ShouldNotContain(c => c.EnrolmentId == active.Id);
        run.PublishedEvents<EnrolmentAtRisk>().ShouldContain(e => e.EnrolmentId == quiet.Id && e.Reason == "noActivity");
        (await Given.Get($"/api/enrolments/{quiet.Id}"))["atRiskReason"]!.GetValue<string>().ShouldBe("noActivity");
        (await Given.Get($"/api/enrolments/{active.Id}"))["atRisk"]!.GetValue<bool>().ShouldBeFalse();
        var next = await App.NextRun<IEnrolmentStore>(SweepInactiveEnrolmentsHandler.Job, new SweepInactiveEnrolments());
        next.Chain.ShouldNotBe(due.Chain, "a new chain");

        var again = await Sweep(new(next.ScheduledFor, next.Chain));
        again.Sent.MessagesOf<CheckEnrolmentActivity>().ShouldNotContain(c => c.EnrolmentId == quiet.Id, "marked once");
        var replaced = await Sweep(new(DailyRuns.NextRunAfter(due.ScheduledFor), due.Chain));
        replaced.Scheduled.MessagesOf<SweepInactiveEnrolments>().ShouldBeEmpty("a run of the chain a start replaced does nothing");
        replaced.Sent.MessagesOf<CheckEnrolmentActivity>().ShouldBeEmpty();
        var restart = await Sweep(new());
        restart.Scheduled.MessagesOf<SweepInactiveEnrolments>().ShouldBeEmpty("a start's run while the chain waits for its next run does nothing");
        restart.Sent.MessagesOf<CheckEnrolmentActivity>().ShouldBeEmpty();
    }

    [Fact]
    public async Task several_nodes_starting_at_once_sweep_once_and_leave_one_chain()
    {
        var store = App.Host.Services.GetRequiredService<IEnrolmentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Delete<DailyRunSchedule>(SweepInactiveEnrolmentsHandler.Job);
            await session.SaveChangesAsync(Ct);
        }

        // Four starts' runs at once, each in its own scope, as four nodes starting together would send them.
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ =>
            Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                await using var scope = App.Host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(new SweepInactiveEnrolments(), Ct);
            }))));

        tracked.Scheduled.MessagesOf<SweepInactiveEnrolments>().Distinct().ShouldHaveSingleItem("one chain, however many nodes start")
            .Chain.ShouldBe((await App.NextRun<IEnrolmentStore>(SweepInactiveEnrolmentsHandler.Job, new SweepInactiveEnrolments())).Chain);
    }

    private Task<ITrackedSession> Sweep(SweepInactiveEnrolments run) =>
        App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(bus => bus.InvokeAsync(run)));
}
