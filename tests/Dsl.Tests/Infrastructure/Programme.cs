using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Wolverine.Tracking;

namespace Dsl.Tests.Infrastructure;

/// <summary>Builds programme data through the public API, as a real admin and head would.</summary>
public sealed class Programme(DslApp app)
{
    private static int _nextUrn = 200000;
    private readonly HttpClient _admin = app.Client("admin");

    public HttpClient Admin => _admin;

    public static string NewUrn() => Interlocked.Increment(ref _nextUrn).ToString();

    public async Task<string> Setting(string? urn = null, string type = "academy", string region = "london",
        string status = "open", string name = "Castle View School", string phase = "secondary")
    {
        urn ??= NewUrn();
        var response = await _admin.PostAsJsonAsync("/api/settings", new
        {
            urn, name, type, phase, localAuthority = "Camden", region, status,
        });
        response.EnsureSuccessStatusCode();
        return urn;
    }

    public async Task<Guid> Cohort(int capacity = 10, string year = "2023-24", string region = "london",
        string? facilitatorId = null)
    {
        var response = await _admin.PostAsJsonAsync("/api/cohorts", new
        {
            academicYearId = year, region, deliveryMode = "blended", name = $"{region} cohort", startsOn = $"{year[..4]}-10-02",
            capacity, facilitatorId,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<Guid>();
    }

    public static object Lead(string name = "Sam Lee", string email = "sam.lee@example.org") =>
        new { name, email, jobTitle = "Assistant head", onSeniorLeadershipTeam = true };

    public Task<HttpResponseMessage> Submit(string urn, Guid cohortId, string track = "full", HttpClient? client = null) =>
        (client ?? _admin).PostAsJsonAsync("/api/enrolments", new { settingUrn = urn, lead = Lead(), cohortId, track });

    public async Task<Guid> Enrolment(string urn, Guid cohortId, string track = "full")
    {
        var response = await Submit(urn, cohortId, track);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<Guid>();
    }

    public static object Endorsement => new
    {
        endorserName = "Alex Morgan", endorserRole = "Head teacher", confirmsIndividual = true,
        confirmsWholeSchoolApproachPlans = true,
    };

    public Task<HttpResponseMessage> Endorse(Guid enrolmentId, HttpClient? client = null) =>
        (client ?? _admin).PostAsJsonAsync($"/api/enrolments/{enrolmentId}/endorsement", Endorsement);

    /// <summary>Submits and endorses, waiting until every module (and the integration event log) has handled what that published.</summary>
    public async Task<(Guid Id, string Status)> EndorsedEnrolment(string urn, Guid cohortId, string track = "full")
    {
        var id = await Enrolment(urn, cohortId, track);
        HttpResponseMessage? response = null;
        await app.Host.ExecuteAndWaitAsync(async () => { response = await Endorse(id); });
        await app.Settled();
        response!.EnsureSuccessStatusCode();
        return (id, (await response.Content.ReadFromJsonAsync<JsonNode>())!["status"]!.GetValue<string>());
    }

    public async Task<JsonNode> Get(string url, HttpClient? client = null) =>
        (await (client ?? _admin).GetFromJsonAsync<JsonNode>(url))!;

    /// <summary>Runs an HTTP call and waits for every message it caused, in every module, to be handled.</summary>
    public async Task<HttpResponseMessage> AndWait(Func<Task<HttpResponseMessage>> call)
    {
        HttpResponseMessage? response = null;
        await app.Host.ExecuteAndWaitAsync(async () => { response = await call(); });
        await app.Settled();
        return response!;
    }
}
