using Dsl.Host.Demo;
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
}
