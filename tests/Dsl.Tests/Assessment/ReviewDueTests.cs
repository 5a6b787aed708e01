using System.Net.Http.Json;
using Dsl.Assessment.SelfAssessments;
using Dsl.Enrolment.Contracts;
using Wolverine.Tracking;

namespace Dsl.Tests.Assessment;

public sealed class ReviewDueTests(DslApp app) : ApiTest(app)
{
    private AssessmentGiven Given => new(App);

    [Fact]
    public async Task in_embedding_a_review_is_due_termly_and_an_overdue_one_flags_the_enrolment_at_risk()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment();
        var lead = Given.As("lead", urn);
        var baseline = await Given.Submitted(lead, enrolmentId, _ => 2);
        (await Json(await lead.GetAsync($"/api/assessment/self-assessments/{baseline}", Ct)))["nextReviewDue"].ShouldBeNull();

        foreach (var phase in new[] { "reflectivePlanning", "embedding" })
            (await Given.Programme.AndWait(() => Admin.PostAsJsonAsync($"/api/curriculum/progress/{enrolmentId}/phase", new { phase, reason = "Test: moved on by override" }, Ct)))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        var review = await Given.Submitted(lead, enrolmentId, _ => 3);
        var read = await Json(await lead.GetAsync($"/api/assessment/self-assessments/{review}", Ct));
        var submittedAt = read["submittedAt"]!.GetValue<DateTimeOffset>();
        var due = read["nextReviewDue"]!.GetValue<DateTimeOffset>();
        due.ShouldBe(submittedAt.AddDays(7 * 13));

        var tracked = await App.Host.InvokeMessageAndWaitAsync(new CheckReviewDue(enrolmentId, due));

        tracked.Sent.SingleMessage<FlagEnrolmentAtRisk>().Reason.ShouldBe("reviewOverdue");
        tracked.PublishedEvents<EnrolmentAtRisk>().Single().Reason.ShouldBe("reviewOverdue");
        (await Json(await lead.GetAsync($"/api/assessment/self-assessments/{review}", Ct)))["reviewOverdue"]!.GetValue<bool>().ShouldBeTrue();

        var again = await App.Host.InvokeMessageAndWaitAsync(new CheckReviewDue(enrolmentId, due));
        again.Sent.MessagesOf<FlagEnrolmentAtRisk>().ShouldBeEmpty();
    }
}
