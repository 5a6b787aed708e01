using Dsl.Host.Demo;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dsl.Tests.Awards;

public sealed class AwardsDemoDataTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task the_demo_shows_an_awarded_setting_one_under_review_and_one_not_yet_eligible()
    {
        await new DemoData(Admin, NullLogger<DemoData>.Instance).SeedAsync(Ct);

        var awarded = (await Json(await Admin.GetAsync("/api/awards?settingUrn=140015", Ct)))["items"]!.AsArray().Single()!;
        awarded["status"]!.GetValue<string>().ShouldBe("active");
        var credential = await Json(await Admin.GetAsync($"/api/awards/{awarded["id"]}/credential", Ct));
        credential["credential"]!["credentialSubject"]!["id"]!.GetValue<string>().ShouldBe("urn:dsl:setting:140015");
        (await App.Client(null).GetAsync(credential["verificationUrl"]!.GetValue<string>(), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Json(await Admin.GetAsync("/api/awards/eligibility/140021", Ct)))["eligible"]!.GetValue<bool>().ShouldBeTrue();
        (await Json(await Admin.GetAsync("/api/awards?settingUrn=140021", Ct)))["items"]!.AsArray().ShouldBeEmpty();

        var notYet = await Json(await Admin.GetAsync("/api/awards/eligibility/140027", Ct));
        notYet["eligible"]!.GetValue<bool>().ShouldBeFalse();
        notYet["criteria"]!.AsArray().Where(c => !c!["met"]!.GetValue<bool>()).Select(c => c!["code"]!.GetValue<string>())
            .ShouldBe(["embeddingCompleted", "baselineAndReview", "latestAtDeveloping"]);
    }
}
