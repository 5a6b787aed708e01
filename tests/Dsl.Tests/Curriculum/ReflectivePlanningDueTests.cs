using System.Net.Http.Json;
using Dsl.Curriculum.Progress;
using Dsl.Enrolment.Contracts;
using Wolverine.Tracking;

namespace Dsl.Tests.Curriculum;

public sealed class ReflectivePlanningDueTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    [Fact]
    public async Task a_lead_not_in_embedding_when_it_was_due_is_flagged_at_risk_once()
    {
        var (late, status) = await Given.EndorsedEnrolment(await Given.Setting(), await Given.Cohort());
        status.ShouldBe("confirmed");

        // The check Curriculum scheduled at confirmation, arriving when embedding was due.
        var tracked = await App.Host.InvokeMessageAndWaitAsync(new CheckReflectivePlanningDue(late));

        tracked.Sent.SingleMessage<FlagEnrolmentAtRisk>().ShouldBe(new FlagEnrolmentAtRisk(late, "reflectivePlanningOverdue"));
        tracked.PublishedEvents<EnrolmentAtRisk>().Single().Reason.ShouldBe("reflectivePlanningOverdue");
        var enrolment = await Given.Get($"/api/enrolments/{late}");
        enrolment["atRisk"]!.GetValue<bool>().ShouldBeTrue();
        enrolment["atRiskReason"]!.GetValue<string>().ShouldBe("reflectivePlanningOverdue");

        var again = await App.Host.InvokeMessageAndWaitAsync(new CheckReflectivePlanningDue(late));
        again.Sent.MessagesOf<FlagEnrolmentAtRisk>().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_lead_already_in_embedding_is_not_flagged()
    {
        var (onTime, _) = await Given.EndorsedEnrolment(await Given.Setting(), await Given.Cohort());
        foreach (var phase in new[] { "reflectivePlanning", "embedding" })
            (await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/curriculum/progress/{onTime}/phase",
                new { phase, reason = "Test: trained elsewhere" }, Ct))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var tracked = await App.Host.InvokeMessageAndWaitAsync(new CheckReflectivePlanningDue(onTime));

        tracked.Sent.MessagesOf<FlagEnrolmentAtRisk>().ShouldBeEmpty();
    }
}
