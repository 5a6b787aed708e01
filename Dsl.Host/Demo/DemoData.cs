using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dsl.BuildingBlocks.Programme;
using Dsl.Host.Security;

namespace Dsl.Host.Demo;

/// <summary>
/// Seeds a demo programme for the embedded default through the public API, exactly as an admin, heads and
/// facilitators would: settings in every region, a cohort per region, and enrolments in every status, so
/// Curriculum and PeerNetwork receive the same messages as in real use. Runs once, into an empty database.
/// </summary>
public sealed class DemoData(HttpClient http, ILogger<DemoData> logger)
{
    private static readonly string[] Names =
        ["Castle View", "Hillside", "Ashgrove", "Bishop Grosseteste", "Greenway", "Queen Elizabeth's", "St Mary's", "Oakfield"];

    private static readonly (string Type, string Phase, string Suffix)[] Kinds =
    [
        ("academy", "secondary", "Academy"), ("maintainedSchool", "primary", "Primary School"),
        ("feCollege", "sixteenPlus", "College"), ("specialSchool", "allThrough", "School"),
        ("maintainedSchool", "secondary", "High School"), ("independentSchool", "allThrough", "School"),
    ];

    public static void ScheduleOnStart(WebApplication app)
    {
        if (!app.Configuration.GetValue("Dsl:DemoData", app.Configuration.GetValue("Dsl:Embedded", false))) return;
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            var logger = app.Services.GetRequiredService<ILogger<DemoData>>();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
                var token = TokenIssuer.From(app.Configuration, allowDevelopmentKey: true).Issue("admin", name: "Demo data");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                await new DemoData(http, logger).SeedAsync(app.Lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Demo data could not be seeded");
            }
        }));
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = await Get("/api/settings?limit=1", ct);
        if (existing["items"]!.AsArray().Count > 0) return;

        var urn = 140000;
        var enrolments = 0;
        foreach (var (region, r) in ProgrammeRegions.All.Select((region, i) => (region, i)))
        {
            var cohortId = await Id(Post("/api/cohorts", new
            {
                academicYearId = "2023-24", region = region.Code, deliveryMode = r % 3 == 0 ? "virtual" : "faceToFace",
                name = $"{region.Name} cohort 2023/24", startsOn = "2023-10-02", capacity = 4,
                facilitatorId = $"facilitator-{region.Code}",
            }, ct));
            var ids = new List<Guid>();
            foreach (var (kind, k) in Kinds.Select((kind, k) => (kind, k)))
            {
                var settingUrn = (++urn).ToString();
                await Post("/api/settings", new
                {
                    urn = settingUrn, name = $"{Names[(r + k) % Names.Length]} {kind.Suffix}", type = kind.Type, phase = kind.Phase,
                    localAuthority = region.GovernmentOfficeRegions[0], region = region.Code,
                }, ct);
                ids.Add(await Id(Post("/api/enrolments", new
                {
                    settingUrn, cohortId, track = k % 2 == 0 ? "full" : "short",
                    lead = new { name = $"Demo Lead {settingUrn}", email = $"lead{settingUrn}@example.org", jobTitle = "Assistant head", onSeniorLeadershipTeam = k % 3 != 0 },
                }, ct)));
                enrolments++;
            }

            // Five endorsed into four places: four confirmed, one waitlisted; the last stays awaiting endorsement.
            foreach (var id in ids.Take(5))
                await Post($"/api/enrolments/{id}/endorsement", new
                {
                    endorserName = "Demo Head", endorserRole = "Head teacher", confirmsIndividual = true,
                    confirmsWholeSchoolApproachPlans = true,
                }, ct);
            if (r % 2 == 0) await Post($"/api/enrolments/{ids[0]}/withdrawal", new { reason = "leadLeft" }, ct);
            if (r == 1)
                foreach (var phase in new[] { "reflectivePlanning", "embedding", "completed" })
                    await Post($"/api/curriculum/progress/{ids[1]}/phase", new { phase }, ct);
        }
        logger.LogInformation("Demo data seeded: {Settings} settings, {Cohorts} cohorts, {Enrolments} enrolments",
            urn - 140000, ProgrammeRegions.All.Count, enrolments);
    }

    private async Task<JsonNode> Post(string url, object body, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync(url, body, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>(ct))!;
    }

    private async Task<JsonNode> Get(string url, CancellationToken ct) => (await http.GetFromJsonAsync<JsonNode>(url, ct))!;

    private static async Task<Guid> Id(Task<JsonNode> created) => (await created)["id"]!.GetValue<Guid>();
}
