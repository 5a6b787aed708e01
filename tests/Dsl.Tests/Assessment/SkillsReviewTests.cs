using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Assessment;
using Dsl.Assessment.Contracts;
using Dsl.Assessment.SkillsReviews;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Wolverine.Tracking;

namespace Dsl.Tests.Assessment;

public sealed class SkillsReviewTests(DslApp app) : ApiTest(app)
{
    private AssessmentGiven Given => new(App);
    private readonly List<string> _bodies = [];

    private async Task<JsonNode> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        _bodies.Add(text);
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, string? etag = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Ct);
    }

    private async Task<List<string>> Statements(HttpClient client) =>
        (await Read(await client.GetAsync("/api/assessment/skills-framework", Ct), HttpStatusCode.OK))["competencies"]!.AsArray()
        .SelectMany(c => c!["statements"]!.AsArray().Select(s => s!["code"]!.GetValue<string>())).ToList();

    /// <summary>Opens a review, rates every statement at <paramref name="self"/> and submits; returns its url.</summary>
    private async Task<string> OpenedAndSelfRated(HttpClient lead, Guid enrolmentId, string stage, int self, DateTimeOffset? deadline = null)
    {
        var opened = await lead.PostAsJsonAsync("/api/assessment/skills-reviews", new { enrolmentId, stage, deadline }, Ct);
        await Read(opened, HttpStatusCode.Created);
        var url = opened.Headers.Location!.ToString();
        var ratings = (await Statements(lead)).Select(code => new { statementCode = code, rating = (int?)self }).ToList();
        var rated = await Send(lead, HttpMethod.Put, $"{url}/self-ratings", new { ratings }, opened.Headers.ETag!.Tag);
        await Read(rated, HttpStatusCode.OK);
        await Read(await lead.PostAsync($"{url}/self-ratings/submit", null, Ct), HttpStatusCode.OK);
        return url;
    }

    private async Task<string> Invite(HttpClient lead, string url, string group, string email)
    {
        var invited = await Read(await lead.PostAsJsonAsync($"{url}/raters", new { group, email }, Ct), HttpStatusCode.Created);
        var link = new Uri(invited["link"]!.GetValue<string>());
        link.IsAbsoluteUri.ShouldBeTrue();
        return link.PathAndQuery;
    }

    private async Task Answer(string link, int rating, string? comment = null)
    {
        var rater = App.Host.Server.CreateClient();
        var questionnaire = await Read(await rater.GetAsync(link, Ct), HttpStatusCode.OK);
        var ratings = questionnaire["competencies"]!.AsArray()
            .SelectMany(c => c!["statements"]!.AsArray().Select(s => new { statementCode = s!["code"]!.GetValue<string>(), rating = (int?)rating }))
            .ToList();
        var comments = comment is null ? [] : new[] { new { competencyCode = "championing-change", text = comment } };
        await Read(await rater.PostAsJsonAsync(link, new { ratings, comments }, Ct), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task a_lead_runs_a_start_review_whose_anonymous_raters_answer_from_their_links_and_reads_a_report_that_respects_anonymity()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment(facilitator: "fac-skills");
        var lead = Given.As("lead", urn);
        var url = await OpenedAndSelfRated(lead, enrolmentId, "start", 4);
        await Read(await lead.PostAsJsonAsync("/api/assessment/skills-reviews", new { enrolmentId, stage = "start" }, Ct), HttpStatusCode.Conflict);
        await Read(await lead.PostAsJsonAsync("/api/assessment/skills-reviews", new { enrolmentId, stage = "end" }, Ct), HttpStatusCode.Conflict);
        await Read(await Given.As("head", urn).GetAsync(url, Ct), HttpStatusCode.NotFound);
        (await Read(await lead.GetAsync($"/api/assessment/skills-reviews?enrolmentId={enrolmentId}", Ct), HttpStatusCode.OK))["items"]!
            .AsArray().Single()!["stage"]!.GetValue<string>().ShouldBe("start");
        (await Read(await Given.As("facilitator", subject: "fac-other").GetAsync($"/api/assessment/skills-reviews?enrolmentId={enrolmentId}", Ct),
            HttpStatusCode.OK))["items"]!.AsArray().ShouldBeEmpty();

        HttpResponseMessage? invitedResponse = null;
        var tracked = await App.Host.ExecuteAndWaitAsync(async () =>
            invitedResponse = await lead.PostAsJsonAsync($"{url}/raters", new { group = "peer", email = "peer.one@example.org" }, Ct));
        var firstPeer = new Uri((await Read(invitedResponse!, HttpStatusCode.Created))["link"]!.GetValue<string>()).PathAndQuery;
        var invited = tracked.PublishedEvents<RaterInvited>().DistinctBy(e => e.EventId).ShouldHaveSingleItem();
        invited.ReviewId.ShouldBe(Guid.Parse(url.Split('/')[^1]));
        var peers = new[] { firstPeer, await Invite(lead, url, "peer", "peer.two@example.org"), await Invite(lead, url, "peer", "peer.three@example.org") };
        var manager = await Invite(lead, url, "lineManager", "the.manager@example.org");
        var reports = new[] { await Invite(lead, url, "directReport", "report.one@example.org"), await Invite(lead, url, "directReport", "report.two@example.org") };
        var revoked = await Invite(lead, url, "governor", "governor@example.org");
        var late = await Invite(lead, url, "other", "late@example.org");

        var questionnaire = await Read(await App.Host.Server.CreateClient().GetAsync(peers[0], Ct), HttpStatusCode.OK);
        questionnaire["leadFirstName"]!.GetValue<string>().ShouldBe("Sam");
        questionnaire["competencies"]!.AsArray().Count.ShouldBe(9);
        await Answer(peers[0], 3, "Keeps the change going");
        await Answer(peers[1], 4);
        await Answer(peers[2], 2, "Could involve staff more");
        await Answer(manager, 5);
        await Answer(reports[0], 1, "Only a direct report would say this");
        await Answer(reports[1], 1);

        var anonymous = App.Host.Server.CreateClient();
        await Read(await anonymous.PostAsJsonAsync(peers[0], new { ratings = new[] { new { statementCode = "vision-clear", rating = 1 } } }, Ct),
            HttpStatusCode.Conflict);
        await Read(await anonymous.GetAsync(peers[0], Ct), HttpStatusCode.Conflict);
        var review = await Read(await lead.GetAsync(url, Ct), HttpStatusCode.OK);
        review["answered"]!.GetValue<int>().ShouldBe(6);
        var governor = review["raters"]!.AsArray().Single(r => r!["group"]!.GetValue<string>() == "governor")!["id"]!.GetValue<Guid>();
        await Read(await lead.DeleteAsync($"{url}/raters/{governor}", Ct), HttpStatusCode.NoContent);
        await Read(await anonymous.GetAsync(revoked, Ct), HttpStatusCode.NotFound);
        await Read(await anonymous.GetAsync(revoked[..^4] + "AAAA", Ct), HttpStatusCode.NotFound);
        await Read(await lead.GetAsync($"{url}/report", Ct), HttpStatusCode.NotFound);

        await Read(await lead.PostAsync($"{url}/close", null, Ct), HttpStatusCode.OK);

        await Read(await anonymous.GetAsync(late, Ct), HttpStatusCode.Gone);
        var report = (await Read(await lead.GetAsync($"{url}/report", Ct), HttpStatusCode.OK))["report"]!;
        report["groups"]!.AsArray().Select(g => $"{g!["group"]}:{g["raters"]}").ShouldBe(["lineManager:1", "peer:3"]);
        report["someWithheld"]!.GetValue<bool>().ShouldBeTrue();
        var vision = report["competencies"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "communicating-the-vision")!;
        vision["self"]!.GetValue<double>().ShouldBe(4.0);
        vision["groups"]!["peer"]!.GetValue<double>().ShouldBe(3.0);
        vision["groups"]!["lineManager"]!.GetValue<double>().ShouldBe(5.0);
        vision["others"]!.GetValue<double>().ShouldBe(3.5, "(3+4+2+5)/4: the direct reports' 1s are withheld");
        vision["gap"]!.GetValue<double>().ShouldBe(0.5);
        report["comments"]!.AsArray().Select(c => c!["text"]!.GetValue<string>()).Order()
            .ShouldBe(["Could involve staff more", "Keeps the change going"]);

        var pdfRequest = new HttpRequestMessage(HttpMethod.Get, $"{url}/report");
        pdfRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        var pdf = await lead.SendAsync(pdfRequest, Ct);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct)))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            foreach (var word in new[] { "Communicating", "vision", "Persuading", "influencing", "wellbeing" }) text.ShouldContain(word);
        }

        // Addresses and answers are gone; no response ever held an address or tied an answer to a rater.
        var store = App.Host.Services.GetRequiredService<IAssessmentStore>();
        await using (var session = store.QuerySession())
        {
            (await session.Query<RaterContact>().CountAsync(Ct)).ShouldBe(0);
            (await session.Query<RaterResponse>().CountAsync(Ct)).ShouldBe(0);
        }
        _bodies.ShouldNotContain(b => b.Contains("@example.org"));
        _bodies.ShouldNotContain(b => b.Contains("\"ratings\""), "no body carries a rater's own ratings");
    }

    [Fact]
    public async Task coaching_content_is_for_the_lead_and_coach_and_the_end_review_with_a_plan_completes_with_change_since_the_start()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment(facilitator: "fac-coach");
        var lead = Given.As("lead", urn);
        var coach = Given.As("facilitator", subject: "fac-coach");
        var start = await OpenedAndSelfRated(lead, enrolmentId, "start", 3);
        foreach (var (email, rating) in new[] { ("a@example.org", 2), ("b@example.org", 2), ("c@example.org", 2) })
            await Answer(await Invite(lead, start, "peer", email), rating);
        await Read(await lead.PostAsync($"{start}/close", null, Ct), HttpStatusCode.OK);

        var recorded = await coach.PostAsJsonAsync($"{start}/coaching-sessions", new
        {
            date = "2026-11-20", minutes = 45, competencyCodes = new[] { "persuading-and-influencing" },
            goal = "Win SLT backing for a staff wellbeing survey", reality = "The head is supportive, the deputy is not yet",
            options = "Bring data from the pilot; ask a governor", wayForward = "Present the pilot data at the next SLT meeting",
        }, Ct);
        await Read(recorded, HttpStatusCode.Created);
        (await Read(await lead.GetAsync($"{start}/coaching-sessions", Ct), HttpStatusCode.OK)).AsArray().Single()!["goal"]!
            .GetValue<string>().ShouldStartWith("Win SLT");
        (await Read(await coach.GetAsync($"{start}/coaching-sessions", Ct), HttpStatusCode.OK)).AsArray().Single()!["wayForward"]
            .ShouldNotBeNull();
        var seenByAdmin = (await Read(await Admin.GetAsync($"{start}/coaching-sessions", Ct), HttpStatusCode.OK)).AsArray().Single()!;
        (seenByAdmin["date"]!.GetValue<string>(), seenByAdmin["minutes"]!.GetValue<int>()).ShouldBe(("2026-11-20", 45));
        foreach (var field in new[] { "goal", "reality", "options", "wayForward", "competencyCodes" }) seenByAdmin[field].ShouldBeNull(field);
        var audited = await Read(await Admin.GetAsync($"/api/data-protection/access-log?enrolmentId={enrolmentId}", Ct), HttpStatusCode.OK);
        audited["items"]!.AsArray().Select(e => (e!["role"]!.GetValue<string>(), e["recordKind"]!.GetValue<string>()))
            .ShouldBe([("facilitator", "coachingSessions"), ("admin", "coachingSessions")], "the coach's and the admin's reads, not the lead's own");
        await Read(await Given.As("head", urn).GetAsync($"{start}/coaching-sessions", Ct), HttpStatusCode.NotFound);
        await Read(await Given.As("facilitator", subject: "fac-other").GetAsync($"{start}/coaching-sessions", Ct), HttpStatusCode.NotFound);
        await Read(await lead.PostAsJsonAsync($"{start}/coaching-sessions", new
        {
            date = "2026-11-21", minutes = 30, competencyCodes = new[] { "persuading-and-influencing" }, goal = "g", reality = "r", options = "o", wayForward = "w",
        }, Ct), HttpStatusCode.Forbidden);

        var item = await coach.PostAsJsonAsync($"{start}/development-plan/items", new
        {
            competencyCode = "persuading-and-influencing", action = "Present pilot data to SLT", successMeasure = "Survey agreed", dueOn = "2027-01-31",
        }, Ct);
        var itemId = (await Read(item, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var changed = await Send(lead, HttpMethod.Patch, $"{start}/development-plan/items/{itemId}", new { status = "inProgress" }, item.Headers.ETag!.Tag);
        await Read(changed, HttpStatusCode.OK);
        (await Read(await Send(lead, HttpMethod.Patch, $"{start}/development-plan/items/{itemId}", new { status = "done" }, item.Headers.ETag!.Tag),
            HttpStatusCode.PreconditionFailed)).ShouldNotBeNull();
        (await Read(await lead.PostAsJsonAsync($"{start}/development-plan/items/{itemId}/notes", new { text = "Slot booked for January" }, Ct),
            HttpStatusCode.Created))["by"]!.GetValue<string>().ShouldBe("lead");
        var plan = await Read(await coach.GetAsync($"{start}/development-plan", Ct), HttpStatusCode.OK);
        plan["items"]!.AsArray().Single()!["status"]!.GetValue<string>().ShouldBe("inProgress");

        var end = await OpenedAndSelfRated(lead, enrolmentId, "end", 4);
        foreach (var (email, rating) in new[] { ("d@example.org", 4), ("e@example.org", 4), ("f@example.org", 4) })
            await Answer(await Invite(lead, end, "peer", email), rating);
        HttpResponseMessage? closed = null;
        var tracked = await App.Host.ExecuteAndWaitAsync(async () => closed = await lead.PostAsync($"{end}/close", null, Ct));

        await Read(closed!, HttpStatusCode.OK);
        var completed = tracked.PublishedEvents<SkillsReviewCompleted>().DistinctBy(e => e.EventId).ShouldHaveSingleItem();
        (completed.EnrolmentId, completed.Stage, completed.ReviewId).ShouldBe((enrolmentId, SkillsReviewStage.End, Guid.Parse(end.Split('/')[^1])));
        var report = (await Read(await lead.GetAsync($"{end}/report", Ct), HttpStatusCode.OK))["report"]!;
        report["startReviewId"]!.GetValue<Guid>().ShouldBe(Guid.Parse(start.Split('/')[^1]));
        var change = report["competencies"]![0]!["change"]!;
        (change["self"]!.GetValue<double>(), change["others"]!.GetValue<double>()).ShouldBe((1.0, 2.0));
    }

    [Fact]
    public async Task an_expired_link_is_refused_and_a_review_closes_itself_at_its_deadline()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment(facilitator: "fac-deadline");
        var lead = Given.As("lead", urn);
        // A link lasts until the review's deadline at the most, so a near deadline needs only a small step of the shared clock.
        var url = await OpenedAndSelfRated(lead, enrolmentId, "start", 3, App.Clock.GetUtcNow().AddMinutes(5));
        var link = await Invite(lead, url, "peer", "slow@example.org");
        App.Clock.Advance(TimeSpan.FromMinutes(6));

        await Read(await App.Host.Server.CreateClient().GetAsync(link, Ct), HttpStatusCode.Gone);
        await App.Host.InvokeMessageAndWaitAsync(new CloseSkillsReviewAtDeadline(Guid.Parse(url.Split('/')[^1])));

        (await Read(await lead.GetAsync(url, Ct), HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("closed");
        var report = (await Read(await lead.GetAsync($"{url}/report", Ct), HttpStatusCode.OK))["report"]!;
        report["groups"]!.AsArray().ShouldBeEmpty();
        report["competencies"]![0]!["others"].ShouldBeNull();
    }
}
