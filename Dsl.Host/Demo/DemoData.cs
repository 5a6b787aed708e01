using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dsl.BuildingBlocks.Programme;
using Dsl.Host.Security;

namespace Dsl.Host.Demo;

/// <summary>
/// Seeds a demo programme for the embedded default through the public API, exactly as an admin, heads and
/// facilitators would: settings in every region, a cohort per region, and enrolments in every status, so
/// Curriculum and PeerNetwork receive the same messages as in real use; then each cohort's workshop schedule, the
/// registers of past workshops, support, sign-offs and leads in every phase. Runs once, into an empty database.
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
            await SeedDeliveryAsync(r, cohortId, ids, ct);
        }
        logger.LogInformation("Demo data seeded: {Settings} settings, {Cohorts} cohorts, {Enrolments} enrolments",
            urn - 140000, ProgrammeRegions.All.Count, enrolments);
    }

    private static readonly string[] Elements =
    [
        "ethos-and-environment", "leadership-and-management", "curriculum-teaching", "student-voice",
        "staff-development", "identifying-need-and-impact", "targeted-support-and-referrals", "parents-and-carers",
    ];

    /// <summary>
    /// A cohort's delivery: four workshop days of two elements each (three past, one to come), the past registers,
    /// a catch-up for a lead who missed two, sign-offs, and leads moved on by override so every phase is shown.
    /// The confirmed leads are ids[1..3] (ids[0] may be withdrawn, ids[4] waits, ids[5] awaits endorsement).
    /// </summary>
    private async Task SeedDeliveryAsync(int r, Guid cohortId, List<Guid> ids, CancellationToken ct)
    {
        var leads = ids.Skip(1).Take(3).ToList();
        foreach (var lead in leads) await WaitForProgressAsync(lead, ct);
        var now = DateTimeOffset.UtcNow;
        var today = new DateTimeOffset(now.Date.AddHours(9.5), TimeSpan.Zero);
        var workshops = new List<Guid>();
        for (var w = 0; w < 4; w++)
            workshops.Add(await Id(Post($"/api/curriculum/cohorts/{cohortId}/workshops", new
            {
                title = $"Workshop {w + 1}: {Elements[2 * w]} and {Elements[2 * w + 1]}",
                startsAt = today.AddDays(-60 + 15 * w + (w == 3 ? 30 : 0)), endsAt = today.AddDays(-60 + 15 * w + (w == 3 ? 30 : 0)).AddHours(6),
                delivery = r % 3 == 0 ? "virtual" : "faceToFace", venue = r % 3 == 0 ? null : "Regional training centre",
                joinUrl = r % 3 == 0 ? "https://meet.example.org/dsl-demo" : null, elementCodes = new[] { Elements[2 * w], Elements[2 * w + 1] },
            }, ct)));
        for (var w = 0; w < 3; w++)
            await Send(HttpMethod.Put, $"/api/curriculum/workshops/{workshops[w]}/attendance", new
            {
                marks = new object[]
                {
                    new { enrolmentId = leads[0], mark = "present" },
                    new { enrolmentId = leads[1], mark = w == 1 ? "late" : "present" },
                    new { enrolmentId = leads[2], mark = w == 0 ? "present" : w == 1 ? "apologies" : "absent", note = w == 0 ? null : "Covering for absent staff" },
                },
            }, ct);
        await Post($"/api/curriculum/progress/{leads[2]}/support", new
        {
            mode = "videoCall", on = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-20)), minutes = 40,
            elementCodes = new[] { Elements[2], Elements[3] }, catchUp = true, note = "Caught up on workshop 2 by video call",
        }, ct);
        await Post($"/api/curriculum/progress/{leads[0]}/support", new
        {
            mode = "email", on = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-10)), minutes = 15,
            elementCodes = new[] { Elements[4] }, catchUp = false,
        }, ct);
        await Post($"/api/curriculum/progress/{leads[1]}/outcomes", new
        {
            outcomeCodes = new[] { "ethos-and-environment.1", "ethos-and-environment.2", "leadership-and-management.1" },
            evidence = "Presented the setting's draft plan at workshop 1",
        }, ct);
        // Overrides show every phase: leads[0] is short track (reflectivePlanning → embeddingDeferred → embedding →
        // completed), leads[1] full track (→ reflectivePlanning → embedding).
        var (shortMoves, fullMoves) = (r % 4) switch { 0 => (1, 0), 1 => (4, 2), 2 => (2, 1), _ => (3, 0) };
        for (var i = 0; i < shortMoves; i++)
            await Post($"/api/curriculum/progress/{leads[0]}/phase", new { reason = "Demo: trained with another provider" }, ct);
        for (var i = 0; i < fullMoves; i++)
            await Post($"/api/curriculum/progress/{leads[1]}/phase", new { reason = "Demo: evidence held on paper" }, ct);
    }

    private async Task WaitForProgressAsync(Guid enrolmentId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await http.GetAsync($"/api/curriculum/progress/{enrolmentId}", ct)).IsSuccessStatusCode) return;
            await Task.Delay(100, ct);
        }
        throw new InvalidOperationException($"The progress record of {enrolmentId} did not open.");
    }

    private async Task Send(HttpMethod method, string url, object body, CancellationToken ct)
    {
        var response = await http.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
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
