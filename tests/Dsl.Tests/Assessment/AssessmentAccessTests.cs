using System.Net.Http.Json;
using Dsl.Awards.Contracts;
using Wolverine.Tracking;

namespace Dsl.Tests.Assessment;

public sealed class AssessmentAccessTests(DslApp app) : ApiTest(app)
{
    private AssessmentGiven Given => new(App);

    [Fact]
    public async Task an_assessor_reads_a_settings_records_only_while_its_application_is_assigned_to_them()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment();
        var lead = Given.As("lead", urn);
        var id = await Given.Submitted(lead, enrolmentId, _ => 2);
        var assessor = Given.As("assessor", subject: "assessor-7");
        var url = $"/api/assessment/self-assessments/{id}";
        var application = Guid.NewGuid();

        (await assessor.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await App.Host.SendMessageAndWaitAsync(new AssessorAssigned(application, urn, "assessor-7", DateTimeOffset.UtcNow));
        (await assessor.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await assessor.GetAsync($"/api/assessment/settings/{urn}/progress", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Given.As("assessor", subject: "assessor-8").GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await App.Host.SendMessageAndWaitAsync(new ApplicationClosed(application, urn, "assessor-7", DateTimeOffset.UtcNow));
        (await assessor.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_head_of_another_setting_and_a_facilitator_of_another_cohort_get_404()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment(facilitator: "fac-mine");
        var id = await Given.Submitted(Given.As("head", urn), enrolmentId, _ => 2);
        var url = $"/api/assessment/self-assessments/{id}";
        var otherUrn = await Given.Programme.Setting();

        (await Given.As("head", otherUrn).GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.As("head", otherUrn).GetAsync($"/api/assessment/settings/{urn}/progress", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.As("head", otherUrn).PostAsJsonAsync("/api/assessment/self-assessments", new { enrolmentId }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Given.As("facilitator", subject: "fac-theirs").GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.As("facilitator", subject: "fac-theirs").GetAsync($"/api/assessment/settings/{urn}/progress", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.As("facilitator", subject: "fac-mine").GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
