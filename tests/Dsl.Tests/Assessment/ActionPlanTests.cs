using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dsl.Assessment.Contracts;
using Wolverine.Tracking;

namespace Dsl.Tests.Assessment;

public sealed class ActionPlanTests(DslApp app) : ApiTest(app)
{
    private AssessmentGiven Given => new(App);

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, string? etag)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task submit_names_every_gap_and_the_cohorts_facilitator_agrees_the_completed_plan()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment(facilitator: "fac-plan");
        var lead = Given.As("lead", urn);
        var created = await lead.PostAsJsonAsync("/api/assessment/action-plans", new { enrolmentId }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var plan = (await Json(created))["id"]!.GetValue<Guid>();
        var etag = created.Headers.ETag!.Tag;
        var url = $"/api/assessment/action-plans/{plan}";

        var bare = await Send(lead, HttpMethod.Post, $"{url}/actions", new { elementCode = "student-voice", description = "Start a wellbeing council" }, etag);
        bare.StatusCode.ShouldBe(HttpStatusCode.Created, await bare.Content.ReadAsStringAsync(Ct));
        var bareAction = (await Json(bare))["id"]!.GetValue<Guid>();
        etag = bare.Headers.ETag!.Tag;
        var full = await Send(lead, HttpMethod.Post, $"{url}/actions", new
        {
            elementCode = "ethos-and-environment", description = "Review the culture with the respectful schools tool",
            owner = new { role = "Deputy head" }, stakeholders = new object[] { new { kind = "seniorLeadershipTeam" }, new { kind = "other", name = "Diocese" } },
            dueOn = "2024-03-01", successMeasure = "Review discussed at SLT",
        }, etag);
        etag = full.Headers.ETag!.Tag;
        (await Send(lead, HttpMethod.Put, $"{url}/elements/curriculum-teaching/no-action-needed", new { reason = "Already embedded in PSHE" }, "\"1\""))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var incomplete = await lead.PostAsync($"{url}/submit", null, Ct);

        incomplete.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var gaps = (await Json(incomplete))["errors"]!.AsObject().Select(e => e.Key).Order().ToList();
        gaps.ShouldBe(new[]
        {
            "actions[0].dueOn", "actions[0].owner", "actions[0].stakeholders",
            "elements.curriculum-teaching", "elements.identifying-need-and-impact", "elements.leadership-and-management",
            "elements.parents-and-carers", "elements.staff-development", "elements.targeted-support-and-referrals",
        }.Order().ToList());

        var fixedAction = await Send(lead, HttpMethod.Patch, $"{url}/actions/{bareAction}", new
        {
            owner = new { role = "Head of year 9", name = "Jo Park" }, stakeholders = new[] { new { kind = "pupilsStudents" } }, dueOn = "2024-02-01",
        }, etag);
        fixedAction.StatusCode.ShouldBe(HttpStatusCode.OK, await fixedAction.Content.ReadAsStringAsync(Ct));
        etag = fixedAction.Headers.ETag!.Tag;
        foreach (var code in new[] { "curriculum-teaching", "identifying-need-and-impact", "leadership-and-management", "parents-and-carers", "staff-development", "targeted-support-and-referrals" })
        {
            var none = await Send(lead, HttpMethod.Put, $"{url}/elements/{code}/no-action-needed", new { reason = "Covered this year" }, etag);
            none.StatusCode.ShouldBe(HttpStatusCode.OK);
            etag = none.Headers.ETag!.Tag;
        }
        (await lead.PostAsync($"{url}/submit", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Given.As("facilitator", subject: "fac-other").PostAsJsonAsync($"{url}/agree", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.As("facilitator", subject: "fac-other").GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var facilitator = Given.As("facilitator", subject: "fac-plan");
        HttpResponseMessage? agreed = null;
        var tracked = await App.Host.ExecuteAndWaitAsync(async () => { agreed = await facilitator.PostAsJsonAsync($"{url}/agree", new { comments = "A good start" }, Ct); });

        agreed!.StatusCode.ShouldBe(HttpStatusCode.OK);
        // One event, sent once to each module that handles it (Curriculum, the integration event log).
        var published = tracked.PublishedEvents<ActionPlanAgreed>().DistinctBy(e => e.EventId).ShouldHaveSingleItem();
        published.EnrolmentId.ShouldBe(enrolmentId);
        published.SettingUrn.ShouldBe(urn);
        published.ActionCounts["student-voice"].ShouldBe(1);
        published.ActionCounts["ethos-and-environment"].ShouldBe(1);
        published.ActionCounts["parents-and-carers"].ShouldBe(0);

        // After agreement: status changes and notes without a revision; adding an action records one.
        etag = agreed.Headers.ETag!.Tag;
        var started = await Send(lead, HttpMethod.Patch, $"{url}/actions/{bareAction}", new { status = "inProgress" }, etag);
        started.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.PostAsJsonAsync($"{url}/actions/{bareAction}/notes", new { text = "First meeting held" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var current = await lead.GetAsync(url, Ct);
        (await Json(current))["revisions"]!.AsArray().ShouldBeEmpty();
        var added = await Send(lead, HttpMethod.Post, $"{url}/actions", new
        {
            elementCode = "parents-and-carers", description = "Parent wellbeing evening", owner = new { role = "Family liaison" },
            stakeholders = new[] { new { kind = "parentsCarers" } }, dueOn = "2099-05-01",
        }, current.Headers.ETag!.Tag);
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await Json(await lead.GetAsync(url, Ct));
        after["status"]!.GetValue<string>().ShouldBe("agreed");
        after["revisions"]!.AsArray().Single()!["change"]!.GetValue<string>().ShouldBe("actionAdded");

        // The first two fell due in 2024; the one added after agreement is due in 2099.
        var overdue = await Json(await lead.GetAsync($"{url}/actions?overdue=true", Ct));
        overdue.AsArray().Select(a => a!["elementCode"]!.GetValue<string>()).Order().ToList().ShouldBe(new List<string> { "ethos-and-environment", "student-voice" }, overdue.ToJsonString() + App.Clock.GetUtcNow());
        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"{url}/actions");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = (await (await lead.SendAsync(csvRequest, Ct)).Content.ReadAsStringAsync(Ct)).Trim().Split('\n');
        csv.Length.ShouldBe(4);
        csv.ShouldContain(l => l.Contains("other:Diocese"));
        csv.ShouldNotContain(l => l.Contains("Jo Park"));
    }

    [Fact]
    public async Task the_facilitator_can_send_a_plan_back_with_comments()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment(facilitator: "fac-back");
        var lead = Given.As("lead", urn);
        var created = await lead.PostAsJsonAsync("/api/assessment/action-plans", new { enrolmentId }, Ct);
        var url = created.Headers.Location!.ToString();
        var etag = created.Headers.ETag!.Tag;
        foreach (var code in AssessmentGiven.Elements)
        {
            var none = await Send(lead, HttpMethod.Put, $"{url}/elements/{code}/no-action-needed", new { reason = "r" }, etag);
            etag = none.Headers.ETag!.Tag;
        }
        (await lead.PostAsync($"{url}/submit", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.PostAsJsonAsync("/api/assessment/action-plans", new { enrolmentId }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var back = await Given.As("facilitator", subject: "fac-back").PostAsJsonAsync($"{url}/request-changes", new { comments = "Every element needs something" }, Ct);

        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json(back);
        body["status"]!.GetValue<string>().ShouldBe("changesRequested");
        body["comments"]!.AsArray().Single()!["text"]!.GetValue<string>().ShouldBe("Every element needs something");
    }
}
