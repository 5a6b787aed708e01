using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Wolverine.Tracking;

namespace Dsl.Tests.DataProtection;

/// <summary>A lead whose name and email appear in every module's records, built through the API.</summary>
public sealed record SeededLead(Guid EnrolmentId, string Urn, Guid CohortId, Guid SetId, string Name, string Email, string Endorser);

/// <summary>Seeds leads with data in every module that holds any: enrolment, curriculum, assessment, peer network.</summary>
public sealed class DataProtectionGiven(DslApp app)
{
    private const string Region = "london";
    private const string Facilitator = "fac-privacy";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    public Programme Programme { get; } = new(app);

    public HttpClient As(string role, string? setting = null, string? subject = null)
    {
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Tokens.Issue(role, setting, subject: subject));
        return client;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Runs an HTTP call and waits for every message it caused (with room for a loaded machine).</summary>
    public async Task<HttpResponseMessage> AndWait(Func<Task<HttpResponseMessage>> call)
    {
        HttpResponseMessage? response = null;
        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(async _ => { response = await call(); }));
        await app.Settled();
        return response!;
    }

    public async Task<Guid> Cohort()
    {
        var id = Guid.Empty;
        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(async _ => { id = await Programme.Cohort(capacity: 30, region: Region, facilitatorId: Facilitator); }));
        return id;
    }

    /// <summary>A confirmed lead with this name and email (the head endorsing as <paramref name="endorser"/>), submitted with an Idempotency-Key.</summary>
    public async Task<(Guid Id, string Urn)> ConfirmedLead(Guid cohortId, string name, string email, string endorser)
    {
        var urn = await Programme.Setting(region: Region, phase: "primary");
        var submit = new HttpRequestMessage(HttpMethod.Post, "/api/enrolments")
        {
            Content = JsonContent.Create(new
            {
                settingUrn = urn, cohortId, track = "full",
                lead = new { name, email, jobTitle = $"Wellbeing lead ({name})", onSeniorLeadershipTeam = true },
            }),
        };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var id = (await Json(await Programme.Admin.SendAsync(submit, Ct)))["id"]!.GetValue<Guid>();
        var endorsed = await AndWait(() => Programme.Admin.PostAsJsonAsync($"/api/enrolments/{id}/endorsement", new
        {
            endorserName = endorser, endorserRole = "Head teacher", confirmsIndividual = true, confirmsWholeSchoolApproachPlans = true,
        }, Ct));
        (await Json(endorsed))["status"]!.GetValue<string>().ShouldBe("confirmed");
        return (id, urn);
    }

    /// <summary>
    /// The lead and four peers in one cohort and action learning set; the lead's name and email written into a register
    /// note, a support note, outcome evidence, self-assessment evidence, an action plan owner and note, the directory, a
    /// set note and a set action. A peer writes a set note of their own.
    /// </summary>
    public async Task<SeededLead> LeadEverywhere(string name, string email, string endorser)
    {
        var cohort = await Cohort();
        var (id, urn) = await ConfirmedLead(cohort, name, email, endorser);
        var peers = new List<(Guid Id, string Urn)>();
        for (var i = 0; i < 4; i++) peers.Add(await ConfirmedLead(cohort, $"Peer {i} Lead", $"peer{i}@example.org", "Alex Morgan"));
        var mention = $"{name} <{email}>";

        var facilitator = As("facilitator", subject: Facilitator);
        var startsAt = app.Clock.GetUtcNow().AddDays(-7);
        var workshop = await Json(await AndWait(() => facilitator.PostAsJsonAsync($"/api/curriculum/cohorts/{cohort}/workshops", new
        {
            title = "Workshop one", startsAt, endsAt = startsAt.AddHours(6), delivery = "faceToFace", venue = "Town Hall",
            elementCodes = new[] { "ethos-and-environment" },
        }, Ct)));
        await Json(await AndWait(() => facilitator.PutAsJsonAsync($"/api/curriculum/workshops/{workshop["id"]}/attendance",
            new { marks = new[] { new { enrolmentId = id, mark = "late", note = $"{mention} arrived late" } } }, Ct)));
        await Json(await AndWait(() => facilitator.PostAsJsonAsync($"/api/curriculum/progress/{id}/support", new
        {
            mode = "phone", on = "2026-11-20", minutes = 30, elementCodes = new[] { "ethos-and-environment" }, catchUp = false,
            note = $"Called {mention} about workload",
        }, Ct)));
        await Json(await AndWait(() => facilitator.PostAsJsonAsync($"/api/curriculum/progress/{id}/outcomes", new
        {
            outcomeCodes = new[] { "ethos-and-environment.1" }, evidence = $"{mention} presented the school's ethos review",
        }, Ct)));

        var lead = As("lead", urn);
        var assessment = await lead.PostAsJsonAsync("/api/assessment/self-assessments", new { enrolmentId = id }, Ct);
        var assessmentId = (await Json(assessment))["id"]!.GetValue<Guid>();
        var rate = new HttpRequestMessage(HttpMethod.Put, $"/api/assessment/self-assessments/{assessmentId}/elements/ethos-and-environment")
        {
            Content = JsonContent.Create(new { level = 3, evidence = $"Assembly programme led by {mention}" }),
        };
        rate.Headers.TryAddWithoutValidation("If-Match", assessment.Headers.ETag!.Tag);
        await Json(await lead.SendAsync(rate, Ct));
        var plan = await lead.PostAsJsonAsync("/api/assessment/action-plans", new { enrolmentId = id }, Ct);
        var planId = (await Json(plan))["id"]!.GetValue<Guid>();
        var addAction = new HttpRequestMessage(HttpMethod.Post, $"/api/assessment/action-plans/{planId}/actions")
        {
            Content = JsonContent.Create(new { elementCode = "student-voice", description = "Start a wellbeing council", owner = new { role = "Lead", name } }),
        };
        addAction.Headers.TryAddWithoutValidation("If-Match", plan.Headers.ETag!.Tag);
        var actionId = (await Json(await lead.SendAsync(addAction, Ct)))["id"]!.GetValue<Guid>();
        await Json(await lead.PostAsJsonAsync($"/api/assessment/action-plans/{planId}/actions/{actionId}/notes",
            new { text = $"First meeting chaired by {mention}" }, Ct));

        await Json(await lead.PutAsJsonAsync($"/api/peer-network/members/{id}/directory",
            new { listed = true, displayName = name, about = $"Write to {email}" }, Ct));
        var set = await Json(await facilitator.PostAsJsonAsync("/api/peer-network/sets", new
        {
            name = "Privacy set", region = Region, delivery = "virtual", cadenceWeeks = 6, firstSessionAt = "2026-12-07T16:00:00+00:00",
            sessionCount = 5, linkOrVenue = "https://meet.example.org/set", members = peers.Select(p => p.Id).Prepend(id),
        }, Ct));
        var setId = set["id"]!.GetValue<Guid>();
        await Json(await AndWait(() => lead.PostAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/1/notes",
            new { text = $"{mention}: my note" }, Ct)));
        await Json(await AndWait(() => As("lead", peers[0].Urn).PostAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/1/notes",
            new { text = "A peer's own note" }, Ct)));
        await Json(await lead.PostAsJsonAsync($"/api/peer-network/sets/{setId}/sessions/1/actions",
            new { ownerEnrolmentId = id, what = $"{name} pilots check-in cards", byWhen = "2027-01-10" }, Ct));

        await SkillsReview(lead, facilitator, id, name, email);
        return new SeededLead(id, urn, cohort, setId, name, email, endorser);
    }

    /// <summary>Rater address used for a lead's still-open end review (erasure must delete it).</summary>
    public static string RaterEmail(string email) => "rater." + email;

    /// <summary>
    /// A closed start review whose raters' comments name the lead, GROW coaching and a development plan naming them, and
    /// an open end review with a rater invited at <see cref="RaterEmail"/>.
    /// </summary>
    private async Task SkillsReview(HttpClient lead, HttpClient coach, Guid id, string name, string email)
    {
        var opened = await lead.PostAsJsonAsync("/api/assessment/skills-reviews", new { enrolmentId = id, stage = "start" }, Ct);
        await Json(opened);
        var start = opened.Headers.Location!.ToString();
        var statements = (await Json(await lead.GetAsync("/api/assessment/skills-framework", Ct)))["competencies"]!.AsArray()
            .SelectMany(c => c!["statements"]!.AsArray().Select(x => x!["code"]!.GetValue<string>())).ToList();
        var rate = new HttpRequestMessage(HttpMethod.Put, $"{start}/self-ratings")
        {
            Content = JsonContent.Create(new { ratings = statements.Select(code => new { statementCode = code, rating = (int?)3 }) }),
        };
        rate.Headers.TryAddWithoutValidation("If-Match", opened.Headers.ETag!.Tag);
        await Json(await lead.SendAsync(rate, Ct));
        await Json(await lead.PostAsync($"{start}/self-ratings/submit", null, Ct));
        for (var i = 0; i < 3; i++)
        {
            var invited = await Json(await lead.PostAsJsonAsync($"{start}/raters", new { group = "peer", email = $"peer{i}.{email}" }, Ct));
            var link = new Uri(invited["link"]!.GetValue<string>()).PathAndQuery;
            var rater = app.Host.Server.CreateClient();
            var questionnaire = await Json(await rater.GetAsync(link, Ct));
            var ratings = questionnaire["competencies"]!.AsArray()
                .SelectMany(c => c!["statements"]!.AsArray().Select(x => new { statementCode = x!["code"]!.GetValue<string>(), rating = (int?)2 }));
            var answered = await rater.PostAsJsonAsync(link, new
            {
                ratings, comments = new[] { new { competencyCode = "championing-change", text = $"{name} listens well" } },
            }, Ct);
            answered.StatusCode.ShouldBe(HttpStatusCode.NoContent, await answered.Content.ReadAsStringAsync(Ct));
        }
        await Json(await lead.PostAsync($"{start}/close", null, Ct));
        await Json(await coach.PostAsJsonAsync($"{start}/coaching-sessions", new
        {
            date = "2026-11-20", minutes = 45, competencyCodes = new[] { "persuading-and-influencing" },
            goal = $"{name} wins SLT backing", reality = "The deputy is not yet on side", options = $"Write to {email}", wayForward = "Present the pilot",
        }, Ct));
        await Json(await coach.PostAsJsonAsync($"{start}/development-plan/items", new
        {
            competencyCode = "persuading-and-influencing", action = $"{name} presents pilot data", successMeasure = "Survey agreed", dueOn = "2027-01-31",
        }, Ct));

        var end = await lead.PostAsJsonAsync("/api/assessment/skills-reviews", new { enrolmentId = id, stage = "end" }, Ct);
        await Json(end);
        await Json(await lead.PostAsJsonAsync($"{end.Headers.Location}/raters", new { group = "lineManager", email = RaterEmail(email) }, Ct));
    }
}
