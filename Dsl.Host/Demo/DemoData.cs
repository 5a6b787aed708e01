using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dsl.BuildingBlocks.Programme;
using Dsl.Host.Security;

namespace Dsl.Host.Demo;

/// <summary>
/// Seeds a demo programme for the embedded default through the public API, exactly as an admin, heads and
/// facilitators would: settings in every region, a cohort per region, and enrolments in every status, so
/// Curriculum and PeerNetwork receive the same messages as in real use; then each cohort's workshop schedule, the
/// registers of past workshops, support, sign-offs and leads in every phase; settings at every assessment stage; and each
/// region's peer network with listed members, a meeting and matched action learning sets part-way through their
/// sessions. Runs once, into an empty database.
/// </summary>
/// <param name="http">Sends as an admin.</param>
/// <param name="tokens">Tokens for the steps only a lead or a set's facilitator may take (consent, RSVPs, actions).</param>
public sealed class DemoData(HttpClient http, TokenIssuer tokens, ILogger<DemoData> logger)
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
                var tokens = TokenIssuer.From(app.Configuration, allowDevelopmentKey: true);
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue("admin", name: "Demo data"));
                await new DemoData(http, tokens, logger).SeedAsync(app.Lifetime.ApplicationStopping);
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
        var assessed = new List<(string Urn, Guid Id)>();
        var forAwards = new List<(string Urn, Guid Id)>();
        var networks = new List<(int R, string Region, List<(string Urn, Guid Id)> Leads)>();
        var erased = Guid.Empty;
        foreach (var (region, r) in ProgrammeRegions.All.Select((region, i) => (region, i)))
        {
            var cohortId = await Id(Post("/api/cohorts", new
            {
                academicYearId = "2023-24", region = region.Code, deliveryMode = r % 3 == 0 ? "virtual" : "faceToFace",
                name = $"{region.Name} cohort 2023/24", startsOn = "2023-10-02", capacity = 4,
                facilitatorId = $"facilitator-{region.Code}",
            }, ct));
            var leads = new List<(string Urn, Guid Id)>();
            foreach (var (kind, k) in Kinds.Select((kind, k) => (kind, k)))
            {
                leads.Add(await EnrolAsync((++urn).ToString(), $"{Names[(r + k) % Names.Length]} {kind.Suffix}", kind, k, region, cohortId, ct));
                enrolments++;
                if (r < 2 && k is 2 or 3) assessed.Add(leads[^1]);
                if (r is >= 2 and <= 4 && k == 2) forAwards.Add(leads[^1]);
            }
            var ids = leads.Select(l => l.Id).ToList();

            // Five endorsed into four places: four confirmed, one waitlisted; the last stays awaiting endorsement.
            foreach (var id in ids.Take(5)) await EndorseAsync(id, ct);
            if (r % 2 == 0) await Post($"/api/enrolments/{ids[0]}/withdrawal", new { reason = "leadLeft" }, ct);
            if (r == 0) erased = ids[0];
            await SeedDeliveryAsync(r, cohortId, ids, ct);

            // A spring cohort of six, all confirmed, so every region's network has enough leads for action learning sets.
            var springId = await Id(Post("/api/cohorts", new
            {
                academicYearId = "2023-24", region = region.Code, deliveryMode = "virtual", name = $"{region.Name} spring cohort 2023/24",
                startsOn = "2024-01-08", capacity = 6, facilitatorId = $"facilitator-{region.Code}",
            }, ct));
            var spring = new List<(string Urn, Guid Id)>();
            foreach (var (kind, k) in Kinds.Select((kind, k) => (kind, k)))
            {
                spring.Add(await EnrolAsync((++urn).ToString(), $"{Names[(r + k + 3) % Names.Length]} {kind.Suffix} (spring)", kind, k, region,
                    springId, ct));
                enrolments++;
                await EndorseAsync(spring[^1].Id, ct);
            }
            networks.Add((r, region.Code, [.. leads.Skip(1).Take(3), .. spring]));
        }
        await SeedAssessmentsAsync(assessed, ct);
        if (assessed.Count > 2) await SeedSkillsReviewAsync(assessed[2].Id, ct);
        await SeedAwardsAsync(forAwards, ct);
        foreach (var (r, region, leads) in networks) await SeedPeerNetworkAsync(r, region, leads, ct);
        // Data protection: the first withdrawn lead asked to be forgotten; the skills-reviewed lead asked for a copy.
        await Post($"/api/enrolments/{erased}/lead/erasure",
            new { reason = "Demo: the lead left teaching and asked to be forgotten", requestedOn = DateOnly.FromDateTime(DateTime.UtcNow) }, ct);
        if (assessed.Count > 2) (await http.PostAsync($"/api/enrolments/{assessed[2].Id}/lead/export", null, ct)).EnsureSuccessStatusCode();
        logger.LogInformation("Demo data seeded: {Settings} settings, {Cohorts} cohorts, {Enrolments} enrolments",
            urn - 140000, 2 * ProgrammeRegions.All.Count, enrolments);
    }

    private async Task<(string Urn, Guid Id)> EnrolAsync(string settingUrn, string name, (string Type, string Phase, string Suffix) kind, int k,
        Region region, Guid cohortId, CancellationToken ct)
    {
        await Post("/api/settings", new
        {
            urn = settingUrn, name, type = kind.Type, phase = kind.Phase, localAuthority = region.GovernmentOfficeRegions[0], region = region.Code,
        }, ct);
        return (settingUrn, await Id(Post("/api/enrolments", new
        {
            settingUrn, cohortId, track = k % 2 == 0 ? "full" : "short",
            lead = new { name = $"Demo Lead {settingUrn}", email = $"lead{settingUrn}@example.org", jobTitle = "Assistant head", onSeniorLeadershipTeam = k % 3 != 0 },
        }, ct)));
    }

    private Task<JsonNode> EndorseAsync(Guid enrolmentId, CancellationToken ct) =>
        Post($"/api/enrolments/{enrolmentId}/endorsement", new
        {
            endorserName = "Demo Head", endorserRole = "Head teacher", confirmsIndividual = true, confirmsWholeSchoolApproachPlans = true,
        }, ct);

    /// <summary>
    /// A region's peer network: two leads listed in the directory, a meeting with RSVPs, and its leads matched into
    /// action learning sets whose sessions are part-way through (none held, some, or all: then the set is completed),
    /// with a presenter's action carried from session to session until done, and a confidential note.
    /// </summary>
    private async Task SeedPeerNetworkAsync(int r, string region, List<(string Urn, Guid Id)> leads, CancellationToken ct)
    {
        foreach (var (_, id) in leads) await WaitForAsync($"/api/peer-network/members/{id}", ct);
        foreach (var (urn, id) in leads.Take(2))
            await SendAs(As("lead", urn), HttpMethod.Put, $"/api/peer-network/members/{id}/directory",
                new { listed = true, displayName = $"Demo Lead {urn}", about = "Happy to talk about whole-school approaches" }, ct);

        var now = DateTimeOffset.UtcNow;
        var meetingAt = new DateTimeOffset(now.Date.AddDays(21 + r).AddHours(16), TimeSpan.Zero);
        var meeting = await Post($"/api/peer-network/networks/{region}/meetings", new
        {
            title = "Reflective practice: starting conversations about mental health", startsAt = meetingAt, endsAt = meetingAt.AddMinutes(90),
            linkOrVenue = "https://meet.example.org/dsl-network", topic = "What helped staff talk openly this term", elementCodes = new[] { Elements[4] },
        }, ct);
        foreach (var (urn, _) in leads.Take(3))
            await SendAs(As("lead", urn), HttpMethod.Put, $"/api/peer-network/networks/{region}/meetings/{meeting["id"]}/rsvp", new { going = true }, ct);

        // Regions differ in how far their sets have got: 0–3 sessions held of six, or all four of a short set.
        var (held, sessionCount) = r == ProgrammeRegions.All.Count - 1 ? (4, 4) : (r % 4, 6);
        var facilitator = $"facilitator-{region}";
        var proposal = await Post("/api/peer-network/sets/matching", new
        {
            region, facilitatorIds = new[] { facilitator }, cadenceWeeks = 6, sessionCount,
            firstSessionAt = new DateTimeOffset(now.Date.AddDays(7 - 42 * held).AddHours(16), TimeSpan.Zero),
        }, ct);
        var response = await http.PostAsJsonAsync($"/api/peer-network/sets/matching/{proposal["id"]}/accept", new { }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Accepting matching answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        var asFacilitator = As("facilitator", subject: facilitator);
        foreach (var set in (await response.Content.ReadFromJsonAsync<JsonArray>(ct))!)
        {
            var url = $"/api/peer-network/sets/{set!["id"]}";
            var members = set["members"]!.AsArray().Select(m => m!["enrolmentId"]!.GetValue<Guid>()).ToList();
            Guid? action = null;
            for (var n = 1; n <= held; n++)
            {
                if (n == 1)
                {
                    var presenter = (await Get($"{url}/sessions/1/agenda", ct, asFacilitator))["presenters"]!.AsArray()[0]!.GetValue<Guid>();
                    action = (await SendAs(asFacilitator, HttpMethod.Post, $"{url}/sessions/1/actions", new
                    {
                        ownerEnrolmentId = presenter, what = "Try a weekly staff check-in and report back", byWhen = DateOnly.FromDateTime(now.UtcDateTime.AddDays(30)),
                    }, ct))["id"]!.GetValue<Guid>();
                    await SendAs(asFacilitator, HttpMethod.Post, $"{url}/sessions/1/notes", 
                        new { text = "Themes: time for staff to talk; getting governors on board" }, ct);
                }
                if (n == 3 && action is { } done)
                    await SendAs(asFacilitator, HttpMethod.Patch, $"{url}/actions/{done}", new { status = "done" }, ct);
                await SendAs(asFacilitator, HttpMethod.Put, $"{url}/sessions/{n}/attendance", new { attended = n == 2 ? members.Skip(1) : members }, ct);
            }
        }
    }

    private string As(string role, string? setting = null, string? subject = null) => tokens.Issue(role, setting, subject: subject);

    private async Task WaitForAsync(string url, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await http.GetAsync(url, ct)).IsSuccessStatusCode) return;
            await Task.Delay(100, ct);
        }
        throw new InvalidOperationException($"{url} did not appear.");
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
        foreach (var lead in leads) await WaitForAsync($"/api/curriculum/progress/{lead}", ct);
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

    private async Task Send(HttpMethod method, string url, object body, CancellationToken ct)
    {
        var response = await http.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>
    /// Settings at every stage of the Assessment module: a baseline only, a needs assessment, two reviews showing
    /// progress, an agreed plan with overdue actions, and a provision map with gaps.
    /// </summary>
    private async Task SeedAssessmentsAsync(IReadOnlyList<(string Urn, Guid Id)> settings, CancellationToken ct)
    {
        if (settings.Count < 4) return;
        var (baselineUrn, baselineOnly) = settings[0];
        await SelfAssessment(baselineOnly, "wholeSchool", _ => 2, ct);

        await SelfAssessment(settings[1].Id, "none", _ => 1, ct);

        var (reviewedUrn, reviewed) = settings[2];
        await SelfAssessment(reviewed, "wholeSchool", _ => 1, ct);
        await SelfAssessment(reviewed, "wholeSchool", code => code is "student-voice" or "staff-development" ? 3 : 2, ct);
        await SelfAssessment(reviewed, "wholeSchool", code => code == "parents-and-carers" ? 2 : 3, ct);

        var (_, planned) = settings[3];
        var plan = await Post("/api/assessment/action-plans", new { enrolmentId = planned }, ct);
        var planUrl = $"/api/assessment/action-plans/{plan["id"]}";
        var etag = "*";
        etag = (await Send(HttpMethod.Post, $"{planUrl}/actions", new
        {
            elementCode = "student-voice", description = "Set up a pupil wellbeing council", owner = new { role = "Head of PSHE" },
            stakeholders = new[] { new { kind = "pupilsStudents" }, new { kind = "seniorLeadershipTeam" } }, dueOn = "2024-02-01",
            successMeasure = "Council meets half-termly",
        }, etag, ct)).ETag;
        etag = (await Send(HttpMethod.Post, $"{planUrl}/actions", new
        {
            elementCode = "targeted-support-and-referrals", description = "Agree referral routes with the MHST",
            owner = new { role = "Designated safeguarding lead" }, stakeholders = new[] { new { kind = "mhst" }, new { kind = "cypmhs" } },
            dueOn = "2024-03-15", successMeasure = "Referral flowchart shared with staff",
        }, etag, ct)).ETag;
        foreach (var code in Elements.Where(c => c is not ("student-voice" or "targeted-support-and-referrals")))
            etag = (await Send(HttpMethod.Put, $"{planUrl}/elements/{code}/no-action-needed", new { reason = "Covered by this year's school plan" }, etag, ct)).ETag;
        await Post($"{planUrl}/submit", new { }, ct);
        await Post($"{planUrl}/agree", new { comments = "Agreed: a focused first plan" }, ct);

        var provision = $"/api/assessment/settings/{baselineUrn}/provision";
        await Post(provision, new
        {
            name = "Local Mental Health Support Team", kind = "mhst", tier = "targeted", agesServed = "5-18",
            referralRoute = "Fortnightly consultation meeting", elements = new[] { "identifying-need-and-impact", "targeted-support-and-referrals" },
            contactRole = "MHST senior practitioner",
        }, ct);
        await Post(provision, new
        {
            name = "Community CYPMHS", kind = "cypmhs", tier = "specialist", agesServed = "0-18", referralRoute = "Single point of access",
            elements = new[] { "targeted-support-and-referrals" }, contactRole = "Single point of access duty worker",
        }, ct);
        await Post($"/api/assessment/settings/{reviewedUrn}/interventions", new
        {
            name = "Worry management group", tier = "targeted", provider = "mhst", startsOn = "2024-01-08", endsOn = "2024-03-22",
            pupilsReached = 8, outcomeMeasure = "RCADS", before = new { mean = 14.2, n = 8 }, after = new { mean = 9.6, n = 7 },
        }, ct);
    }

    // ---- Issue 13: the lead's management-skills review (an admin acting for the lead and, for the coaching session, the coach) ----

    /// <summary>
    /// A closed start review with enough raters for a visible report (three peers, the line manager, and two direct
    /// reports with a governor pooled into "others"), one GROW coaching session and a development plan of two items.
    /// </summary>
    private async Task SeedSkillsReviewAsync(Guid enrolmentId, CancellationToken ct)
    {
        var review = await Post("/api/assessment/skills-reviews", new { enrolmentId, stage = "start" }, ct);
        var url = $"/api/assessment/skills-reviews/{review["id"]}";
        var framework = await Get("/api/assessment/skills-framework", ct);
        var statements = framework["competencies"]!.AsArray()
            .SelectMany(c => c!["statements"]!.AsArray().Select(s => (Competency: c["code"]!.GetValue<string>(), Code: s!["code"]!.GetValue<string>())))
            .ToList();
        object Ratings(Func<string, int?> rating) => statements.Select(s => new { statementCode = s.Code, rating = rating(s.Competency) }).ToList();
        await Send(HttpMethod.Put, $"{url}/self-ratings", new { ratings = Ratings(c => c == "using-evidence-and-data" ? 3 : 4) }, "\"1\"", ct);
        await Post($"{url}/self-ratings/submit", new { }, ct);

        (string Group, int Base)[] raters =
            [("peer", 4), ("peer", 3), ("peer", 4), ("lineManager", 4), ("directReport", 3), ("directReport", 4), ("governor", 3)];
        foreach (var (group, rating, i) in raters.Select((r, i) => (r.Group, r.Base, i)))
        {
            var invited = await Post($"{url}/raters", new { group, email = $"demo-rater-{i}@example.org" }, ct);
            var link = new Uri(invited["link"]!.GetValue<string>()).PathAndQuery;
            var answered = await http.PostAsJsonAsync(link, new
            {
                ratings = Ratings(c => c switch { "championing-change" => 5, "wellbeing-of-self-and-staff" => 2, "working-with-external-services" when i == 0 => null, _ => rating }),
                comments = i % 3 == 0 ? new[] { new { competencyCode = "wellbeing-of-self-and-staff", text = "Takes on too much; could share the load." } } : [],
            }, ct);
            answered.EnsureSuccessStatusCode();
        }
        await Post($"{url}/close", new { }, ct);

        await Post($"{url}/coaching-sessions", new
        {
            date = "2024-01-15", minutes = 50, competencyCodes = new[] { "wellbeing-of-self-and-staff", "persuading-and-influencing" },
            goal = "Share the wellbeing work so it does not rest on one person",
            reality = "Raters see strong change leadership but low attention to own and staff workload",
            options = "Wellbeing champions per year group; a standing SLT agenda item; protected time",
            wayForward = "Propose two champions to SLT by February half-term",
        }, ct);
        await Post($"{url}/development-plan/items", new
        {
            competencyCode = "wellbeing-of-self-and-staff", action = "Recruit two wellbeing champions and hand over the weekly drop-in",
            successMeasure = "Drop-in runs without the lead for a half-term", dueOn = "2024-02-09",
        }, ct);
        await Post($"{url}/development-plan/items", new
        {
            competencyCode = "using-evidence-and-data", action = "Report wellbeing survey results to governors each term",
            successMeasure = "Termly report minuted by governors", dueOn = "2024-04-01",
        }, ct);
    }

    /// <summary>
    /// Awards at three stages: a setting awarded (with a verifiable credential), one whose application is under review,
    /// and one not yet eligible (its eligibility lists the reasons). Awards learns the journey from messages, so the
    /// calls that depend on it retry briefly.
    /// </summary>
    private async Task SeedAwardsAsync(IReadOnlyList<(string Urn, Guid Id)> settings, CancellationToken ct)
    {
        if (settings.Count < 3) return;
        var (awardedUrn, awarded) = settings[0];
        var (reviewedUrn, reviewed) = settings[1];
        var (_, notYet) = settings[2];
        foreach (var id in new[] { awarded, reviewed })
        {
            await SelfAssessment(id, "wholeSchool", _ => 2, ct);
            await CompleteProgrammeAsync(id, ct);
            await SelfAssessment(id, "wholeSchool", code => code is "leadership-and-management" or "ethos-and-environment" ? 4 : 3, ct);
        }
        await SelfAssessment(notYet, "wholeSchool", code => code == "parents-and-carers" ? 1 : 2, ct);

        var awardedApplication = await AwardApplicationAsync(awardedUrn, ct);
        var reviewedApplication = await AwardApplicationAsync(reviewedUrn, ct);
        foreach (var application in new[] { awardedApplication, reviewedApplication })
            await Post($"{application}/assignment", new { assessorId = "assessor-demo" }, ct);
        foreach (var code in Elements)
            await Post($"{awardedApplication}/judgements", new { elementCode = code, outcome = "met", comment = "Clear impact, well evidenced" }, ct);
        await Post($"{reviewedApplication}/judgements", new { elementCode = "student-voice", outcome = "notYetMet", comment = "Show how pupils shaped the policy" }, ct);
        await Post($"{awardedApplication}/decision", new { outcome = "awarded", feedback = "A whole-school approach embedded across all eight elements." }, ct);
    }

    /// <summary>Moves a full-track lead on by override until the programme is completed (programme-completed, track full).</summary>
    private async Task CompleteProgrammeAsync(Guid enrolmentId, CancellationToken ct)
    {
        await WaitForAsync($"/api/curriculum/progress/{enrolmentId}", ct);
        for (var move = 0; move < 4 && (await Get($"/api/curriculum/progress/{enrolmentId}", ct))["phase"]!.GetValue<string>() != "completed"; move++)
            await Post($"/api/curriculum/progress/{enrolmentId}/phase", new { reason = "Demo: embedding evidenced on paper" }, ct);
    }

    /// <summary>Starts an award application, writes every element's statement with evidence and submits it once Awards knows the journey.</summary>
    private async Task<string> AwardApplicationAsync(string urn, CancellationToken ct)
    {
        HttpResponseMessage started;
        var attempts = 0;
        while (!(started = await http.PostAsJsonAsync("/api/awards/applications", new { settingUrn = urn, kind = "award" }, ct)).IsSuccessStatusCode
               && started.StatusCode == System.Net.HttpStatusCode.BadRequest && ++attempts < 40)
            await Task.Delay(250, ct);
        var url = $"/api/awards/applications/{(await started.Content.ReadFromJsonAsync<JsonNode>(ct))!["id"]}";
        var etag = started.Headers.ETag!.Tag;
        foreach (var code in Elements)
            etag = (await Send(HttpMethod.Put, $"{url}/elements/{code}", new
            {
                statement = $"What changed for pupils and staff in {code}, and how we know.",
                evidence = new[] { new { title = $"{code} review", description = "Governors' minutes and the annual wellbeing survey", link = (string?)null, date = "2024-06-28" } },
            }, etag, ct)).ETag;
        HttpResponseMessage submitted;
        attempts = 0;
        while (!(submitted = await http.PostAsync($"{url}/submit", null, ct)).IsSuccessStatusCode
               && submitted.StatusCode == System.Net.HttpStatusCode.Conflict && ++attempts < 40)
            await Task.Delay(250, ct);
        if (!submitted.IsSuccessStatusCode)
            throw new InvalidOperationException($"Submitting {url} answered {(int)submitted.StatusCode}: {await submitted.Content.ReadAsStringAsync(ct)}");
        return url;
    }

    /// <summary>Starts, rates and submits a self-assessment; Assessment learns of the confirmation from a message, so it retries briefly.</summary>
    private async Task SelfAssessment(Guid enrolmentId, string approach, Func<string, int> level, CancellationToken ct)
    {
        HttpResponseMessage started;
        var attempts = 0;
        while (!(started = await http.PostAsJsonAsync("/api/assessment/self-assessments", new { enrolmentId, approach }, ct)).IsSuccessStatusCode
               && started.StatusCode == System.Net.HttpStatusCode.BadRequest && ++attempts < 40)
            await Task.Delay(250, ct);
        if (!started.IsSuccessStatusCode)
            throw new InvalidOperationException($"Starting a self-assessment answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync(ct)}");
        var url = $"/api/assessment/self-assessments/{(await started.Content.ReadFromJsonAsync<JsonNode>(ct))!["id"]}";
        var etag = started.Headers.ETag!.Tag;
        foreach (var code in Elements)
            etag = (await Send(HttpMethod.Put, $"{url}/elements/{code}", approach == "none"
                ? new { level = 1, need = $"A first plan for {code}", priority = code is "leadership-and-management" ? "high" : "medium" }
                : (object)new { level = level(code), evidence = $"What is in place for {code}" }, etag, ct)).ETag;
        await Post($"{url}/submit", new { }, ct);
    }

    private async Task<(JsonNode Body, string ETag)> Send(HttpMethod method, string url, object body, string etag, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return ((await response.Content.ReadFromJsonAsync<JsonNode>(ct))!, response.Headers.ETag?.Tag ?? etag);
    }

    private async Task<JsonNode> Post(string url, object body, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync(url, body, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>(ct))!;
    }

    private async Task<JsonNode> Get(string url, CancellationToken ct, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>(ct))!;
    }

    /// <summary>Sends as the holder of <paramref name="token"/> instead of the admin.</summary>
    private async Task<JsonNode> SendAs(string token, HttpMethod method, string url, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return response.Content.Headers.ContentLength == 0 ? new JsonObject() : (await response.Content.ReadFromJsonAsync<JsonNode>(ct))!;
    }

    private static async Task<Guid> Id(Task<JsonNode> created) => (await created)["id"]!.GetValue<Guid>();
}
