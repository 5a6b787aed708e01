using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Tests.Assessment;
using Wolverine.Tracking;

namespace Dsl.Tests.Awards;

/// <summary>Builds award data as real users would: a setting's journey through Enrolment, Curriculum and Assessment, then its application.</summary>
public sealed class AwardsGiven(DslApp app)
{
    public const string Facilitator = "facilitator-awards";
    public const string Assessor = "assessor-1";

    public AssessmentGiven Assessment { get; } = new(app);
    public HttpClient Admin { get; } = app.Client("admin");

    public HttpClient As(string role, string? setting = null, string? subject = null) => Assessment.As(role, setting, subject);

    /// <summary>A setting whose lead completed the full programme after a baseline and a review at <paramref name="reviewLevel"/>.</summary>
    public async Task<(string Urn, Guid EnrolmentId)> SettingThatCompletedEmbedding(int reviewLevel = 3, bool complete = true)
    {
        var (urn, enrolmentId, _) = await Assessment.ConfirmedEnrolment(Facilitator);
        var lead = As("lead", urn);
        await Assessment.Submitted(lead, enrolmentId, _ => 2);
        foreach (var phase in new[] { "reflectivePlanning", "embedding" })
            await MovePhase(enrolmentId, phase);
        await Assessment.Submitted(lead, enrolmentId, _ => reviewLevel);
        if (complete) await MovePhase(enrolmentId, "completed");
        return (urn, enrolmentId);
    }

    private async Task MovePhase(Guid enrolmentId, string phase) =>
        (await Assessment.Programme.AndWait(() => Admin.PostAsJsonAsync($"/api/curriculum/progress/{enrolmentId}/phase",
            new { phase, reason = "Test: the evidence is elsewhere" }))).StatusCode.ShouldBe(HttpStatusCode.OK);

    public static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static async Task<(Guid Id, string ETag)> Start(HttpClient head, string urn, string kind = "award")
    {
        var response = await head.PostAsJsonAsync("/api/awards/applications", new { settingUrn = urn, kind });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await Json(response))["id"]!.GetValue<Guid>(), response.Headers.ETag!.Tag);
    }

    public static async Task<HttpResponseMessage> Write(HttpClient head, Guid id, string etag, string code, string statement = "Impact described.")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/awards/applications/{id}/elements/{code}")
        {
            Content = JsonContent.Create(new
            {
                statement,
                evidence = new[] { new { title = $"Evidence for {code}", description = "Minutes and survey results.", link = "https://school.example.org/evidence", date = "2026-10-01" } },
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await head.SendAsync(request);
    }

    public static async Task<string> WriteAll(HttpClient head, Guid id, string etag, IEnumerable<string>? codes = null)
    {
        foreach (var code in codes ?? AssessmentGiven.Elements)
        {
            var response = await Write(head, id, etag, code);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            etag = response.Headers.ETag!.Tag;
        }
        return etag;
    }

    public Task<ITrackedSession> Tracked(Func<Task> call) => app.Host.ExecuteAndWaitAsync(call);

    public static async Task Judge(HttpClient assessor, Guid id, Func<string, string> outcome)
    {
        foreach (var code in AssessmentGiven.Elements)
            (await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/judgements", new { elementCode = code, outcome = outcome(code), comment = "Seen." }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Applies with every statement, submits, is assigned <see cref="Assessor"/>, judged met everywhere and awarded; returns the award id.</summary>
    public async Task<Guid> Awarded(string urn, string kind = "award")
    {
        var head = As("head", urn);
        var (id, etag) = await Start(head, urn, kind);
        await WriteAll(head, id, etag);
        (await head.PostAsync($"/api/awards/applications/{id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Admin.PostAsJsonAsync($"/api/awards/applications/{id}/assignment", new { assessorId = Assessor })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var assessor = As("assessor", subject: Assessor);
        await Judge(assessor, id, _ => "met");
        var decided = await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/decision", new { outcome = "awarded", feedback = "A strong whole-school approach." });
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        return (await Json(decided))["awardId"]!.GetValue<Guid>();
    }
}
