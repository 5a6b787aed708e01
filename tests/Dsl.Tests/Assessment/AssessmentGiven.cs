using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Wolverine.Tracking;

namespace Dsl.Tests.Assessment;

/// <summary>Builds assessment data through the API: a confirmed enrolment in a facilitated cohort, ratings, submissions.</summary>
public sealed class AssessmentGiven(DslApp app)
{
    public static readonly string[] Elements =
    [
        "ethos-and-environment", "leadership-and-management", "curriculum-teaching", "student-voice",
        "staff-development", "identifying-need-and-impact", "targeted-support-and-referrals", "parents-and-carers",
    ];

    public Programme Programme { get; } = new(app);

    public HttpClient As(string role, string? setting = null, string? subject = null)
    {
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", app.Tokens.Issue(role, setting, subject: subject));
        return client;
    }

    /// <summary>A confirmed enrolment of a new setting in a cohort run by <paramref name="facilitator"/>, known to Assessment.</summary>
    public async Task<(string Urn, Guid EnrolmentId, Guid CohortId)> ConfirmedEnrolment(string facilitator = "facilitator-1",
        Guid? cohortId = null)
    {
        var urn = await Programme.Setting();
        var cohort = cohortId ?? Guid.Empty;
        if (cohortId is null)
            await app.Host.ExecuteAndWaitAsync(async () => { cohort = await Programme.Cohort(facilitatorId: facilitator); });
        var (id, status) = await Programme.EndorsedEnrolment(urn, cohort);
        status.ShouldBe("confirmed");
        return (urn, id, cohort);
    }

    public static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static async Task<(Guid Id, string ETag)> Start(HttpClient lead, Guid enrolmentId, string? approach = null)
    {
        var response = await lead.PostAsJsonAsync("/api/assessment/self-assessments", new { enrolmentId, approach });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await Json(response))["id"]!.GetValue<Guid>(), response.Headers.ETag!.Tag);
    }

    public static async Task<HttpResponseMessage> Rate(HttpClient lead, Guid id, string etag, string code, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/assessment/self-assessments/{id}/elements/{code}")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await lead.SendAsync(request);
    }

    /// <summary>Rates the given elements at the given levels, with evidence; returns the latest ETag.</summary>
    public static async Task<string> RateAll(HttpClient lead, Guid id, string etag, Func<string, int> level, IEnumerable<string>? codes = null)
    {
        foreach (var code in codes ?? Elements)
        {
            var response = await Rate(lead, id, etag, code, new { level = level(code), evidence = $"What is in place for {code}." });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            etag = response.Headers.ETag!.Tag;
        }
        return etag;
    }

    public Task<HttpResponseMessage> Submit(HttpClient lead, Guid id) =>
        Programme.AndWait(() => lead.PostAsync($"/api/assessment/self-assessments/{id}/submit", null));

    /// <summary>Starts, rates every element at <paramref name="level"/> and submits.</summary>
    public async Task<Guid> Submitted(HttpClient lead, Guid enrolmentId, Func<string, int> level)
    {
        var (id, etag) = await Start(lead, enrolmentId);
        await RateAll(lead, id, etag, level);
        var response = await Submit(lead, id);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return id;
    }
}
