using Dsl.Host.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dsl.Tests.Assessment;

public sealed class AssessmentDemoDataTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task the_demo_shows_settings_at_every_assessment_stage()
    {
        await new DemoData(Admin, NullLogger<DemoData>.Instance).SeedAsync(Ct);

        var baselineOnly = await Json(await Admin.GetAsync("/api/assessment/settings/140003/progress", Ct));
        baselineOnly["submissions"]!.GetValue<int>().ShouldBe(1);
        var needs = await Json(await Admin.GetAsync("/api/assessment/self-assessments?settingUrn=140004", Ct));
        needs["items"]!.AsArray().Single()!["approach"]!.GetValue<string>().ShouldBe("none");
        var reviewed = await Json(await Admin.GetAsync("/api/assessment/settings/140009/progress", Ct));
        reviewed["submissions"]!.GetValue<int>().ShouldBe(3);
        reviewed["overallLatest"]!.GetValue<double>().ShouldBeGreaterThan(reviewed["overallBaseline"]!.GetValue<double>());
        var gaps = await Json(await Admin.GetAsync("/api/assessment/settings/140003/provision/gaps", Ct));
        gaps["gaps"]!.AsArray().Count.ShouldBe(24 - 3);
    }

    [Fact]
    public async Task the_demo_has_a_lead_with_a_closed_start_review_a_coaching_session_and_a_plan()
    {
        await new DemoData(Admin, NullLogger<DemoData>.Instance).SeedAsync(Ct);

        var enrolment = (await Json(await Admin.GetAsync("/api/assessment/self-assessments?settingUrn=140009", Ct)))["items"]![0]!["enrolmentId"]!;
        await using var session = App.Host.Services.GetRequiredService<Dsl.Assessment.IAssessmentStore>().QuerySession();
        var review = await Marten.QueryableExtensions.SingleAsync(
            session.Query<Dsl.Assessment.SkillsReviews.SkillsReview>(), r => r.EnrolmentId == enrolment.GetValue<Guid>(), Ct);
        var url = $"/api/assessment/skills-reviews/{review.Id}";
        var report = (await Json(await Admin.GetAsync($"{url}/report", Ct)))["report"]!;
        report["groups"]!.AsArray().Select(g => g!["group"]!.GetValue<string>()).ShouldBe(["lineManager", "peer", "others"]);
        report["strongest"]![0]!.GetValue<string>().ShouldBe("championing-change");
        report["comments"]!.AsArray().ShouldNotBeEmpty();
        (await Json(await Admin.GetAsync($"{url}/coaching-sessions", Ct))).AsArray().Single()!["minutes"]!.GetValue<int>().ShouldBe(50);
        (await Json(await Admin.GetAsync($"{url}/development-plan", Ct)))["items"]!.AsArray().Count.ShouldBe(2);
    }
}
