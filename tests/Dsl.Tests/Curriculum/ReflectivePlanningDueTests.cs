using System.Net.Http.Json;
using Dsl.BuildingBlocks.Messaging;
using Dsl.Curriculum;
using Dsl.Curriculum.Progress;
using Dsl.Enrolment.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine.Tracking;

namespace Dsl.Tests.Curriculum;

public sealed class ReflectivePlanningDueTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    [Fact]
    public async Task the_daily_sweep_flags_a_lead_not_in_embedding_when_it_was_due_at_risk_once_and_not_one_in_embedding()
    {
        // Six months cannot pass on the shared clock without flagging every other test's leads, so the period is what
        // moves here: embedding falls due a day after these two leads' confirmations.
        var options = App.Host.Services.GetRequiredService<IOptions<CurriculumOptions>>().Value;
        var period = options.ReflectivePlanningDue;
        options.ReflectivePlanningDue = TimeSpan.FromDays(1);
        (Guid Id, string Status) late, onTime;
        try
        {
            late = await Given.EndorsedEnrolment(await Given.Setting(), await Given.Cohort());
            onTime = await Given.EndorsedEnrolment(await Given.Setting(), await Given.Cohort());
        }
        finally
        {
            options.ReflectivePlanningDue = period;
        }
        late.Status.ShouldBe("confirmed");
        foreach (var phase in new[] { "reflectivePlanning", "embedding" })
            (await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/curriculum/progress/{onTime.Id}/phase",
                new { phase, reason = "Test: trained elsewhere" }, Ct))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var due = await App.NextRun<ICurriculumStore>(SweepReflectivePlanningDueHandler.Job, new SweepReflectivePlanningDue());
        var early = await Sweep(new(due.ScheduledFor, due.Chain));
        early.Sent.MessagesOf<CheckReflectivePlanningDue>().ShouldNotContain(c => c.EnrolmentId == late.Id, "not due yet");
        early.Scheduled.MessagesOf<SweepReflectivePlanningDue>().Distinct().ShouldHaveSingleItem()
            .ShouldBe(new SweepReflectivePlanningDue(DailyRuns.NextRunAfter(due.ScheduledFor), due.Chain));

        App.Clock.Advance(TimeSpan.FromDays(2));
        var next = await App.NextRun<ICurriculumStore>(SweepReflectivePlanningDueHandler.Job, new SweepReflectivePlanningDue());
        var run = await Sweep(new(next.ScheduledFor, next.Chain));

        run.Sent.MessagesOf<CheckReflectivePlanningDue>().ShouldContain(c => c.EnrolmentId == late.Id);
        run.Sent.MessagesOf<CheckReflectivePlanningDue>().ShouldNotContain(c => c.EnrolmentId == onTime.Id, "in embedding");
        run.Sent.MessagesOf<FlagEnrolmentAtRisk>().ShouldContain(new FlagEnrolmentAtRisk(late.Id, "reflectivePlanningOverdue"));
        run.PublishedEvents<EnrolmentAtRisk>().ShouldContain(e => e.EnrolmentId == late.Id && e.Reason == "reflectivePlanningOverdue");
        var enrolment = await Given.Get($"/api/enrolments/{late.Id}");
        enrolment["atRisk"]!.GetValue<bool>().ShouldBeTrue();
        enrolment["atRiskReason"]!.GetValue<string>().ShouldBe("reflectivePlanningOverdue");
        (await Given.Get($"/api/enrolments/{onTime.Id}"))["atRisk"]!.GetValue<bool>().ShouldBeFalse();

        var after = await App.NextRun<ICurriculumStore>(SweepReflectivePlanningDueHandler.Job, new SweepReflectivePlanningDue());
        var again = await Sweep(new(after.ScheduledFor, after.Chain));
        again.Sent.MessagesOf<CheckReflectivePlanningDue>().ShouldNotContain(c => c.EnrolmentId == late.Id, "flagged once");
        // A check still scheduled from before the sweep (one per confirmation, until 2026-12) flags nobody twice either.
        var scheduledBefore = await App.Host.InvokeMessageAndWaitAsync(new CheckReflectivePlanningDue(late.Id));
        scheduledBefore.Sent.MessagesOf<FlagEnrolmentAtRisk>().ShouldBeEmpty();
    }

    private Task<ITrackedSession> Sweep(SweepReflectivePlanningDue run) =>
        App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(bus => bus.InvokeAsync(run)));
}
