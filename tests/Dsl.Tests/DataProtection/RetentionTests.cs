using Dsl.BuildingBlocks.Messaging;
using System.Net.Http.Json;
using Dsl.Enrolment.Contracts;
using Dsl.Enrolment.DataProtection;
using Dsl.Enrolment.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine.Tracking;

namespace Dsl.Tests.DataProtection;

public sealed class RetentionTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task the_daily_job_erases_leads_whose_enrolment_ended_longer_ago_than_the_retention_period_and_no_one_else()
    {
        var given = new DataProtectionGiven(App);
        var cohort = await given.Cohort();
        var (ended, _) = await given.ConfirmedLead(cohort, "Cordelia Retention-Due", "cordelia@retention.example", "Head Teacher");
        var (active, _) = await given.ConfirmedLead(cohort, "Desmond Still-Active", "desmond@retention.example", "Head Teacher");
        (await given.AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{ended}/withdrawal", new { reason = "leadLeft" }, Ct)))
            .EnsureSuccessStatusCode();
        // Six years cannot pass on the shared clock without every later test's scheduled messages falling due at
        // once, so the period is what moves here: -1 years makes an enrolment ended now due (Retention's date rules
        // are tested with arbitrary clocks in Dsl.Rules.Tests).
        var options = App.Host.Services.GetRequiredService<IOptions<EnrolmentOptions>>().Value;
        var early = await Run(await Due());
        early.Sent.MessagesOf<LeadErasureRequested>().ShouldBeEmpty("not before the period is over");

        options.RetentionYears = -1;
        Wolverine.Tracking.ITrackedSession run;
        ApplyRetention due;
        try
        {
            due = await Due();
            run = await Run(due);
        }
        finally
        {
            options.RetentionYears = 6;
        }
        var erasure = run.Sent.MessagesOf<LeadErasureRequested>().DistinctBy(m => m.EventId).ShouldHaveSingleItem("one per destination, one event");
        erasure.EnrolmentId.ShouldBe(ended);
        run.Scheduled.MessagesOf<ApplyRetention>().Distinct().ShouldHaveSingleItem()
            .ShouldBe(new ApplyRetention(DailyRuns.NextRunAfter(due.ScheduledFor!.Value), due.Chain), "the chain's next run");

        (await given.Programme.Get($"/api/enrolments/{ended}"))["lead"]!["name"]!.GetValue<string>().ShouldBe("[erased]");
        (await given.Programme.Get($"/api/enrolments/{active}"))["lead"]!["name"]!.GetValue<string>().ShouldBe("Desmond Still-Active");
        (await given.Programme.Get($"/api/data-protection/requests/{erasure.RequestId}"))["status"]!.GetValue<string>().ShouldBe("completed");

        var again = await Run(await Due());
        again.Sent.MessagesOf<LeadErasureRequested>().ShouldBeEmpty("an erased lead is not erased twice");
        var stale = await Run(due with { Chain = Guid.NewGuid() });
        stale.Scheduled.MessagesOf<ApplyRetention>().ShouldBeEmpty("a run of a replaced chain does nothing");
        var restart = await Run(new ApplyRetention());
        restart.Scheduled.MessagesOf<ApplyRetention>().ShouldBeEmpty("a start's run while the chain waits for its next run does nothing");
    }

    private async Task<ApplyRetention> Due()
    {
        var (scheduledFor, chain) = await App.NextRun<Dsl.Enrolment.IEnrolmentStore>(ApplyRetentionHandler.Job, new ApplyRetention());
        return new ApplyRetention(scheduledFor, chain);
    }

    private Task<Wolverine.Tracking.ITrackedSession> Run(ApplyRetention run) =>
        App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(bus => bus.InvokeAsync(run)));
}
