using System.Net.Http.Json;
using Dsl.Assessment.Contracts;
using Wolverine.Tracking;

namespace Dsl.Tests.Assessment;

public sealed class SelfAssessmentTests(DslApp app) : ApiTest(app)
{
    private AssessmentGiven Given => new(App);

    [Fact]
    public async Task the_framework_has_prompts_and_a_descriptor_per_level_for_all_eight_elements()
    {
        var framework = await Json(await App.Client("lead", "100000").GetAsync("/api/assessment/framework", Ct));

        framework["scale"]!.AsArray().Select(l => l!["code"]!.GetValue<string>())
            .ShouldBe(["notYetStarted", "emerging", "developing", "embedded"]);
        var elements = framework["elements"]!.AsArray();
        elements.Select(e => e!["code"]!.GetValue<string>()).ShouldBe(AssessmentGiven.Elements);
        foreach (var element in elements)
        {
            element!["prompts"]!.AsArray().Count.ShouldBeInRange(3, 6);
            element["descriptors"]!.AsObject().Count.ShouldBe(4);
        }
    }

    [Fact]
    public async Task a_baseline_needs_all_eight_elements_with_evidence_and_then_cannot_change()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment();
        var lead = Given.As("lead", urn);
        var (id, etag) = await AssessmentGiven.Start(lead, enrolmentId);
        etag = await AssessmentGiven.RateAll(lead, id, etag, _ => 2, AssessmentGiven.Elements.Take(6));
        var noEvidence = await AssessmentGiven.Rate(lead, id, etag, "targeted-support-and-referrals", new { level = 1 });
        etag = noEvidence.Headers.ETag!.Tag;

        var incomplete = await Given.Submit(lead, id);

        incomplete.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(incomplete))["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["elements.parents-and-carers", "elements.targeted-support-and-referrals"]);

        etag = await AssessmentGiven.RateAll(lead, id, etag, _ => 1, ["targeted-support-and-referrals", "parents-and-carers"]);
        ITrackedSession? tracked = null;
        HttpResponseMessage? submitted = null;
        tracked = await App.Host.ExecuteAndWaitAsync(async () => { submitted = await lead.PostAsync($"/api/assessment/self-assessments/{id}/submit", null, Ct); });

        submitted!.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(submitted))["kind"]!.GetValue<string>().ShouldBe("baseline");
        // One event, sent once to each module that handles it (Curriculum, the integration event log).
        var published = tracked.PublishedEvents<SelfAssessmentSubmitted>().DistinctBy(e => e.EventId).ShouldHaveSingleItem();
        published.Kind.ShouldBe(SelfAssessmentKind.Baseline);
        published.SettingUrn.ShouldBe(urn);
        published.Levels.Count.ShouldBe(8);
        published.Levels["ethos-and-environment"].ShouldBe(2);
        published.Levels["parents-and-carers"].ShouldBe(1);

        var change = await AssessmentGiven.Rate(lead, id, submitted.Headers.ETag!.Tag, "student-voice", new { level = 4, evidence = "x" });
        change.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await lead.PostAsync($"/api/assessment/self-assessments/{id}/submit", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_setting_has_one_draft_at_a_time_and_later_submissions_are_reviews()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment();
        var head = Given.As("head", urn);
        var (draft, _) = await AssessmentGiven.Start(head, enrolmentId);

        var second = await head.PostAsJsonAsync("/api/assessment/self-assessments", new { enrolmentId }, Ct);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(second))["detail"]!.GetValue<string>().ShouldContain(draft.ToString());

        var etag = (await head.GetAsync($"/api/assessment/self-assessments/{draft}", Ct)).Headers.ETag!.Tag;
        await AssessmentGiven.RateAll(head, draft, etag, _ => 1);
        (await Given.Submit(head, draft)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var review = await Given.Submitted(head, enrolmentId, _ => 3);

        (await Json(await head.GetAsync($"/api/assessment/self-assessments/{review}", Ct)))["kind"]!.GetValue<string>().ShouldBe("review");
        var list = await Json(await head.GetAsync($"/api/assessment/self-assessments?settingUrn={urn}", Ct));
        list["items"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ShouldBe(["baseline", "review"]);
        var other = await Json(await Given.As("head", "100001").GetAsync($"/api/assessment/self-assessments?settingUrn={urn}", Ct));
        other["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_needs_assessment_records_a_need_and_priority_at_level_one()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment();
        var lead = Given.As("lead", urn);
        var (id, etag) = await AssessmentGiven.Start(lead, enrolmentId, "none");

        (await AssessmentGiven.Rate(lead, id, etag, "student-voice", new { level = 2, need = "n", priority = "high" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreach (var code in AssessmentGiven.Elements)
        {
            var rated = await AssessmentGiven.Rate(lead, id, etag, code, new { level = 1, need = $"Need for {code}", priority = "medium" });
            rated.StatusCode.ShouldBe(HttpStatusCode.OK);
            etag = rated.Headers.ETag!.Tag;
        }

        var submitted = await Given.Submit(lead, id);

        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json(submitted);
        body["approach"]!.GetValue<string>().ShouldBe("none");
        body["elements"]!["student-voice"]!["priority"]!.GetValue<string>().ShouldBe("medium");
    }
}
