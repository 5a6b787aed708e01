using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Assessment.Contracts;
using Dsl.Curriculum.Outcomes;
using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Workshops;
using Wolverine.Tracking;

namespace Dsl.Tests.Curriculum;

/// <summary>Issue 11: a facilitator runs a cohort's workshops, register, support and sign-offs; the phases follow the evidence.</summary>
public sealed class CurriculumDeliveryTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    private HttpClient Facilitator(string subject)
    {
        var client = App.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.Tokens.Issue("facilitator", subject: subject));
        return client;
    }

    /// <summary>A cohort run by <paramref name="facilitator"/>, waiting until Curriculum has its copy.</summary>
    private async Task<Guid> Cohort(string facilitator, string region = "london")
    {
        var response = await Given.AndWait(() => Admin.PostAsJsonAsync("/api/cohorts", new
        {
            academicYearId = "2023-24", region, deliveryMode = "blended", name = $"{region} cohort", startsOn = "2023-10-02",
            capacity = 10, facilitatorId = facilitator,
        }, Ct));
        response.EnsureSuccessStatusCode();
        return (await Json(response))["id"]!.GetValue<Guid>();
    }

    private static readonly string[] Elements = WorkshopFacts.ElementCodes.ToArray();

    private async Task<JsonNode> Schedule(HttpClient client, Guid cohort, DateTimeOffset startsAt, params string[] elements)
    {
        var response = await Given.AndWait(() => client.PostAsJsonAsync($"/api/curriculum/cohorts/{cohort}/workshops", new
        {
            title = $"Workshop on {string.Join(", ", elements)}", startsAt, endsAt = startsAt.AddHours(6), delivery = "faceToFace",
            venue = "Town Hall, Leeds", elementCodes = elements,
        }, Ct));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await Json(response);
    }

    private Task<HttpResponseMessage> Register(HttpClient client, Guid workshop, Guid enrolment, string mark, string? note = null) =>
        Given.AndWait(() => client.PutAsJsonAsync($"/api/curriculum/workshops/{workshop}/attendance",
            new { marks = new[] { new { enrolmentId = enrolment, mark, note } } }, Ct));

    private async Task<JsonNode> Progress(Guid enrolment, HttpClient? client = null) =>
        await Given.Get($"/api/curriculum/progress/{enrolment}", client);

    /// <summary>Sends a message through the bus, as another module would, and waits for all it causes.</summary>
    private Task Tell(object message) => App.Host.ExecuteAndWaitAsync(bus => bus.PublishAsync(message).AsTask());

    [Fact]
    public async Task the_schedule_reports_uncovered_elements_keeps_cancelled_workshops_and_hides_what_others_may_not_see()
    {
        var facilitator = Facilitator("fac-leeds");
        var cohort = await Cohort("fac-leeds");
        await Cohort("fac-york", region: "north-west");
        var urn = await Given.Setting();
        var (enrolment, _) = await Given.EndorsedEnrolment(urn, cohort);
        var past = App.Clock.GetUtcNow().AddDays(-14);
        var first = await Schedule(facilitator, cohort, past, Elements[0], Elements[1]);
        var second = await Schedule(facilitator, cohort, past.AddDays(7), Elements[2]);

        var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/curriculum/workshops/{second["id"]}/cancellation")
        {
            Content = JsonContent.Create(new { reason = "Venue flooded" }),
        };
        cancel.Headers.IfMatch.ParseAdd($"\"{second["version"]}\"");
        (await Given.AndWait(() => facilitator.SendAsync(cancel, Ct))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var schedule = await Given.Get($"/api/curriculum/cohorts/{cohort}/workshops", App.Client("lead", urn));
        schedule["items"]!.AsArray().Select(w => w!["status"]!.GetValue<string>()).ShouldBe(["scheduled", "cancelled"]);
        schedule["items"]![1]!["sequence"]!.GetValue<int>().ShouldBe(1);
        schedule["uncoveredElements"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(Elements[2..]);
        (await App.Client("lead", await Given.Setting()).GetAsync($"/api/curriculum/cohorts/{cohort}/workshops", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "a lead of another cohort's setting");

        (await Register(facilitator, first["id"]!.GetValue<Guid>(), enrolment, "absent", "Said work was too busy")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Facilitator("fac-york").GetAsync($"/api/curriculum/workshops/{first["id"]}/attendance", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "the facilitator of another cohort");
        (await Register(Facilitator("fac-york"), first["id"]!.GetValue<Guid>(), enrolment, "present")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var register = await Json(await facilitator.GetAsync($"/api/curriculum/workshops/{first["id"]}/attendance", Ct));
        register["entries"]![0]!["note"]!.GetValue<string>().ShouldBe("Said work was too busy");
        var atRisk = await Given.Get($"/api/enrolments/{enrolment}");
        (atRisk["atRisk"]!.GetValue<bool>(), atRisk["atRiskReason"]!.GetValue<string>()).ShouldBe((true, "missedWorkshop"));

        (await App.Client("lead", await Given.Setting()).GetAsync($"/api/curriculum/progress/{enrolment}", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "a lead of another setting");
        (await Given.AndWait(() => facilitator.PostAsJsonAsync($"/api/curriculum/progress/{enrolment}/support", new
        {
            mode = "videoCall", on = "2026-11-20", minutes = 45, elementCodes = new[] { Elements[0] }, catchUp = true,
            note = "Struggling with workload at home",
        }, Ct))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var asLead = await Given.Get($"/api/curriculum/progress/{enrolment}/support", App.Client("lead", urn));
        asLead["items"]![0]!["minutes"]!.GetValue<int>().ShouldBe(45);
        asLead["items"]![0]!["note"].ShouldBeNull("the lead never sees the facilitator's note");
        (await Given.Get($"/api/curriculum/progress/{enrolment}/support", facilitator))["items"]![0]!["note"]!.GetValue<string>()
            .ShouldBe("Struggling with workload at home");
        (await Progress(enrolment, facilitator))["elements"]![0]!["covered"]!.GetValue<bool>().ShouldBeTrue("the catch-up covered it");
    }

    [Fact]
    public async Task the_evidence_moves_a_full_track_lead_from_learning_to_completed_and_enrolment_completes()
    {
        var facilitator = Facilitator("fac-leeds");
        var cohort = await Cohort("fac-leeds");
        var urn = await Given.Setting();
        var (enrolment, _) = await Given.EndorsedEnrolment(urn, cohort);
        var start = App.Clock.GetUtcNow().AddDays(-40);
        for (var i = 0; i < 4; i++)
        {
            var workshop = await Schedule(facilitator, cohort, start.AddDays(7 * i), Elements[2 * i], Elements[2 * i + 1]);
            (await Register(facilitator, workshop["id"]!.GetValue<Guid>(), enrolment, i == 1 ? "late" : "present")).EnsureSuccessStatusCode();
            if (i < 3) (await Progress(enrolment))["phase"]!.GetValue<string>().ShouldBe("learning");
        }

        var reflective = await Progress(enrolment, App.Client("lead", urn));
        reflective["phase"]!.GetValue<string>().ShouldBe("reflectivePlanning");
        reflective["missing"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["baseline self-assessment not submitted", "action plan not agreed"]);
        reflective["phaseEnteredAt"]!["reflectivePlanning"].ShouldNotBeNull();

        var now = App.Clock.GetUtcNow();
        await Tell(new SelfAssessmentSubmitted { EnrolmentId = enrolment, SettingUrn = urn, SelfAssessmentId = Guid.NewGuid(), Kind = SelfAssessmentKind.Baseline, SubmittedAt = now });
        await Tell(new ActionPlanAgreed { EnrolmentId = enrolment, SettingUrn = urn, ActionPlanId = Guid.NewGuid(), AgreedAt = now });
        var embedding = await Progress(enrolment);
        embedding["phase"]!.GetValue<string>().ShouldBe("embedding");
        (await Given.Get($"/api/enrolments/{enrolment}"))["phase"]!.GetValue<string>().ShouldBe("embedding");

        (await Given.AndWait(() => facilitator.PostAsJsonAsync($"/api/curriculum/progress/{enrolment}/outcomes",
            new { outcomeCodes = SignOffOutcomes.Known.ToArray(), evidence = "Portfolio reviewed at the final workshop" }, Ct))).EnsureSuccessStatusCode();
        await Tell(new SelfAssessmentSubmitted { EnrolmentId = enrolment, SettingUrn = urn, SelfAssessmentId = Guid.NewGuid(), Kind = SelfAssessmentKind.Review, SubmittedAt = App.Clock.GetUtcNow() });
        var waiting = await Progress(enrolment);
        waiting["phase"]!.GetValue<string>().ShouldBe("embedding", "the embedding period has not passed");
        waiting["missing"]!.AsArray().Single()!.GetValue<string>().ShouldStartWith("embedding period ends");

        App.Clock.Advance(TimeSpan.FromDays(184));
        await Tell(new CheckEmbeddingCompletion(enrolment));

        var completed = await Progress(enrolment);
        completed["phase"]!.GetValue<string>().ShouldBe("completed");
        completed["elements"]!.AsArray().ShouldAllBe(e => e!["progress"]!.GetValue<double>() == 1.0);
        (await Given.Get($"/api/enrolments/{enrolment}"))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task a_short_track_ends_in_embedding_deferred_with_the_enrolment_completed_and_can_resume()
    {
        var cohort = await Cohort("fac-leeds");
        var urn = await Given.Setting();
        var (enrolment, _) = await Given.EndorsedEnrolment(urn, cohort, track: "short");
        var overridden = await Given.AndWait(() => Facilitator("fac-leeds").PostAsJsonAsync($"/api/curriculum/progress/{enrolment}/phase",
            new { reason = "Trained on the elements with another provider" }, Ct));
        overridden.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(overridden))["phases"]![1]!["override"]!.GetValue<bool>().ShouldBeTrue();
        (await Facilitator("fac-york").PostAsJsonAsync($"/api/curriculum/progress/{enrolment}/phase", new { reason = "x" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var now = App.Clock.GetUtcNow();
        await Tell(new SelfAssessmentSubmitted { EnrolmentId = enrolment, SettingUrn = urn, SelfAssessmentId = Guid.NewGuid(), Kind = SelfAssessmentKind.Baseline, SubmittedAt = now });
        await Tell(new ActionPlanAgreed { EnrolmentId = enrolment, SettingUrn = urn, ActionPlanId = Guid.NewGuid(), AgreedAt = now });

        (await Progress(enrolment))["phase"]!.GetValue<string>().ShouldBe("embeddingDeferred");
        var completed = await Given.Get($"/api/enrolments/{enrolment}");
        (completed["status"]!.GetValue<string>(), completed["embeddingDeferred"]!.GetValue<bool>()).ShouldBe(("completed", true));

        var resumed = await Given.AndWait(() => App.Client("head", urn).PostAsync($"/api/curriculum/progress/{enrolment}/embedding", null, Ct));
        resumed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(resumed))["phase"]!.GetValue<string>().ShouldBe("embedding");
    }
}
