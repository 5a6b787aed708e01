using System.Net.Http.Json;

namespace Dsl.Tests.Assessment;

public sealed class ProvisionAndRegisterTests(DslApp app) : ApiTest(app)
{
    private AssessmentGiven Given => new(App);

    [Fact]
    public async Task provision_gaps_are_each_element_and_tier_no_service_covers()
    {
        var (urn, _, _) = await Given.ConfirmedEnrolment();
        var lead = Given.As("lead", urn);
        var url = $"/api/assessment/settings/{urn}/provision";
        (await lead.PostAsJsonAsync(url, new
        {
            name = "Camden MHST", kind = "mhst", tier = "targeted", agesServed = "11-18", referralRoute = "Weekly triage meeting",
            elements = new[] { "identifying-need-and-impact", "targeted-support-and-referrals" }, contactRole = "MHST senior practitioner",
            url = "https://example.org/mhst",
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await lead.PostAsJsonAsync(url, new
        {
            name = "CYPMHS North", kind = "cypmhs", tier = "specialist", elements = new[] { "targeted-support-and-referrals" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var gaps = await Json(await lead.GetAsync($"{url}/gaps", Ct));

        var pairs = gaps["gaps"]!.AsArray().Select(g => $"{g!["elementCode"]}/{g["tier"]}").ToList();
        pairs.Count.ShouldBe(8 * 3 - 3);
        pairs.ShouldContain("targeted-support-and-referrals/universal");
        pairs.ShouldContain("identifying-need-and-impact/specialist");
        pairs.ShouldNotContain("targeted-support-and-referrals/targeted");
        pairs.ShouldNotContain("targeted-support-and-referrals/specialist");
        pairs.ShouldNotContain("identifying-need-and-impact/targeted");
        (await Json(await lead.GetAsync(url, Ct)))["services"]!.AsArray().Count.ShouldBe(2);
        (await Given.As("head", "100009").GetAsync($"{url}/gaps", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_interventions_register_takes_aggregates_and_rejects_any_extra_field()
    {
        var (urn, _, _) = await Given.ConfirmedEnrolment();
        var head = Given.As("head", urn);
        var url = $"/api/assessment/settings/{urn}/interventions";

        var withPupil = await head.PostAsync(url, RawJson("""
            {"name":"Anxiety group","tier":"targeted","provider":"mhst","startsOn":"2024-01-08","pupilsReached":8,
             "pupilName":"A. Pupil"}
            """), Ct);
        withPupil.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(withPupil))["errors"]!.AsObject().Select(e => e.Key).ShouldContain("pupilName");
        (await head.PostAsync(url, RawJson("""
            {"name":"Anxiety group","tier":"targeted","provider":"mhst","startsOn":"2024-01-08","pupilsReached":8,
             "before":{"mean":14.2,"n":8,"pupils":["x"]}}
            """), Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var recorded = await head.PostAsJsonAsync(url, new
        {
            name = "Anxiety group", tier = "targeted", provider = "mhst", startsOn = "2024-01-08", endsOn = "2024-03-22",
            pupilsReached = 8, outcomeMeasure = "RCADS", before = new { mean = 14.2, n = 8 }, after = new { mean = 9.6, n = 7 },
        }, Ct);

        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Ct));
        var register = await Json(await head.GetAsync(url, Ct));
        register.AsArray().Single()!["after"]!["mean"]!.GetValue<double>().ShouldBe(9.6);
    }

    [Fact]
    public async Task the_profile_holds_the_remit_champions_and_training_log()
    {
        var (urn, _, _) = await Given.ConfirmedEnrolment();
        var lead = Given.As("lead", urn);
        var url = $"/api/assessment/settings/{urn}/profile";
        var empty = await lead.GetAsync(url, Ct);
        var request = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = JsonContent.Create(new
            {
                remitStatement = "Lead the whole-school approach", sltLine = "Member of SLT", hoursPerWeek = 4.5, headEndorsedRemit = true,
                wellbeingChampions = new[] { new { name = "Ray Cole", role = "Teaching assistant" } },
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", empty.Headers.ETag!.Tag);
        (await lead.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.PostAsJsonAsync($"{url}/training", new
        {
            date = "2024-01-04", kind = "inset", topic = "Mental health literacy", elements = new[] { "staff-development" },
            staffAttending = 42, hours = 1.5,
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var profile = await Json(await lead.GetAsync(url, Ct));

        profile["headEndorsedRemit"]!.GetValue<bool>().ShouldBeTrue();
        profile["headEndorsedOn"].ShouldNotBeNull();
        profile["wellbeingChampions"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("Ray Cole");
        profile["trainingLog"]!.AsArray().Single()!["staffAttending"]!.GetValue<int>().ShouldBe(42);
    }
}
