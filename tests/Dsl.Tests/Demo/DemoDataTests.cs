using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dsl.BuildingBlocks.Programme;
using Dsl.Host.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dsl.Tests.Demo;

/// <summary>The demo a new user first sees shows every module at work (one seeding, since it takes a while).</summary>
public sealed class DemoDataTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task the_demo_shows_every_assessment_stage_a_skills_review_awards_at_three_stages_and_every_regions_peer_network_at_work()
    {
        await new DemoData(Admin, App.Tokens, NullLogger<DemoData>.Instance).SeedAsync(Ct);

        var baselineOnly = await Json(await Admin.GetAsync("/api/assessment/settings/140003/progress", Ct));
        baselineOnly["submissions"]!.GetValue<int>().ShouldBe(1);
        var needs = await Json(await Admin.GetAsync("/api/assessment/self-assessments?settingUrn=140004", Ct));
        needs["items"]!.AsArray().Single()!["approach"]!.GetValue<string>().ShouldBe("none");
        var reviewed = await Json(await Admin.GetAsync("/api/assessment/settings/140015/progress", Ct));
        reviewed["submissions"]!.GetValue<int>().ShouldBe(3);
        reviewed["overallLatest"]!.GetValue<double>().ShouldBeGreaterThan(reviewed["overallBaseline"]!.GetValue<double>());
        var gaps = await Json(await Admin.GetAsync("/api/assessment/settings/140003/provision/gaps", Ct));
        gaps["gaps"]!.AsArray().Count.ShouldBe(24 - 3);

        // The reviewed setting's lead has a closed start skills review, a coaching session and a plan.
        var enrolment = (await Json(await Admin.GetAsync("/api/assessment/self-assessments?settingUrn=140015", Ct)))["items"]![0]!["enrolmentId"]!;
        await using (var session = App.Host.Services.GetRequiredService<Dsl.Assessment.IAssessmentStore>().QuerySession())
        {
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

        // Awards at three stages (regions 2–4's full-track leads): awarded with a credential, under review, not yet eligible.
        var awarded = (await Json(await Admin.GetAsync("/api/awards?settingUrn=140027", Ct)))["items"]!.AsArray().Single()!;
        awarded["status"]!.GetValue<string>().ShouldBe("active");
        var credential = await Json(await Admin.GetAsync($"/api/awards/{awarded["id"]}/credential", Ct));
        credential["credential"]!["credentialSubject"]!["id"]!.GetValue<string>().ShouldBe("urn:dsl:setting:140027");
        (await App.Client(null).GetAsync(credential["verificationUrl"]!.GetValue<string>(), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(await Admin.GetAsync("/api/awards/eligibility/140039", Ct)))["eligible"]!.GetValue<bool>().ShouldBeTrue();
        (await Json(await Admin.GetAsync("/api/awards?settingUrn=140039", Ct)))["items"]!.AsArray().ShouldBeEmpty();
        var notYet = await Json(await Admin.GetAsync("/api/awards/eligibility/140051", Ct));
        notYet["eligible"]!.GetValue<bool>().ShouldBeFalse();
        notYet["criteria"]!.AsArray().Where(c => !c!["met"]!.GetValue<bool>()).Select(c => c!["code"]!.GetValue<string>())
            .ShouldBe(["embeddingCompleted", "baselineAndReview", "latestAtDeveloping"]);

        // Data protection: region 0's withdrawn lead (setting 140001) was erased; the enrolment's facts stay.
        var erasedId = (await Json(await Admin.GetAsync("/api/enrolments?setting=140001", Ct)))["items"]![0]!["id"]!.GetValue<Guid>();
        JsonNode erased;
        var attempts = 0;
        while ((erased = await Json(await Admin.GetAsync($"/api/enrolments/{erasedId}", Ct)))["lead"]!["name"]!.GetValue<string>() != "[erased]"
               && ++attempts < 100)
            await Task.Delay(100, Ct);
        (erased["status"]!.GetValue<string>(), erased["lead"]!["name"]!.GetValue<string>()).ShouldBe(("withdrawn", "[erased]"));

        var facilitator = App.Client("facilitator");
        var statuses = new List<string>();
        foreach (var region in ProgrammeRegions.All.Select(r => r.Code))
        {
            (await Json(await facilitator.GetAsync($"/api/peer-network/networks/{region}/members", Ct)))["items"]!.AsArray().Count
                .ShouldBe(2, $"two listed leads in {region}");
            (await Json(await facilitator.GetAsync($"/api/peer-network/networks/{region}/meetings", Ct)))["items"]!.AsArray().ShouldNotBeEmpty();
            var sets = (await Json(await Admin.GetAsync($"/api/peer-network/sets?region={region}", Ct)))["items"]!.AsArray();
            sets.ShouldNotBeEmpty($"{region} has matched sets");
            sets.ShouldAllBe(s => s!["members"]!.AsArray().Count >= 5 && s["members"]!.AsArray().Count <= 8);
            statuses.AddRange(sets.Select(s => s!["status"]!.GetValue<string>()));
        }
        statuses.ShouldContain("active");
        statuses.ShouldContain("completed");

        // East of England's sets have held two sessions: the first presenter's action is carried to the third.
        var ownFacilitator = App.Host.Server.CreateClient();
        ownFacilitator.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", App.Tokens.Issue("facilitator", subject: "facilitator-east-of-england"));
        var set = (await Json(await Admin.GetAsync("/api/peer-network/sets?region=east-of-england", Ct)))["items"]!.AsArray()[0]!;
        var agenda = await Json(await ownFacilitator.GetAsync($"/api/peer-network/sets/{set["id"]}/sessions/3/agenda", Ct));
        agenda["carriedActions"]!.AsArray().Single()!["fromSession"]!.GetValue<int>().ShouldBe(1);
    }
}
