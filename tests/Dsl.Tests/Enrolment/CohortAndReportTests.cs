using System.Net.Http.Json;

namespace Dsl.Tests.Enrolment;

public sealed class CohortAndReportTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    [Fact]
    public async Task cohorts_are_created_read_and_listed_by_year_and_region()
    {
        var created = await Admin.PostAsJsonAsync("/api/cohorts", new
        {
            academicYearId = "2023-24", region = "national", deliveryMode = "virtual", name = "National virtual",
            startsOn = "2024-01-08", capacity = 30, facilitatorId = "fac-1",
        }, Ct);
        await Given.Cohort(region: "london");
        await Given.Cohort(region: "london", year: "2022-23");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var cohort = await Json(created);
        cohort["placesLeft"]!.GetValue<int>().ShouldBe(30);
        var london = await Json(await Admin.GetAsync("/api/cohorts?year=2023-24&region=london", Ct));
        london["items"]!.AsArray().Count.ShouldBe(1);
        var outOfYear = await Admin.PostAsJsonAsync("/api/cohorts", new
        {
            academicYearId = "2023-24", region = "london", deliveryMode = "virtual", name = "Too late",
            startsOn = "2025-01-08", capacity = 30,
        }, Ct);
        (await Json(outOfYear))["errors"]!["startsOn"].ShouldNotBeNull();
    }

    [Fact]
    public async Task facilitators_see_their_own_cohorts_and_rosters_only()
    {
        var mine = await Given.Cohort(facilitatorId: "fac-1");
        var theirs = await Given.Cohort(facilitatorId: "fac-2");
        var urn = await Given.Setting(name: "Hillside Academy");
        await Given.EndorsedEnrolment(urn, mine);
        var facilitator = App.Client(null);
        facilitator.DefaultRequestHeaders.Authorization = new("Bearer", App.Tokens.Issue("facilitator", subject: "fac-1"));

        var list = await Json(await facilitator.GetAsync("/api/cohorts", Ct));
        var roster = await Json(await facilitator.GetAsync($"/api/cohorts/{mine}/roster", Ct));

        list["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).ShouldBe([mine]);
        (await facilitator.GetAsync($"/api/cohorts/{theirs}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await facilitator.GetAsync($"/api/cohorts/{theirs}/roster", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var entry = roster["items"]!.AsArray().Single()!;
        entry["settingName"]!.GetValue<string>().ShouldBe("Hillside Academy");
        entry["leadName"]!.GetValue<string>().ShouldBe("Sam Lee");
        (await App.Client("head", urn).GetAsync($"/api/cohorts/{mine}/roster", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_uptake_report_counts_each_region_against_the_years_cap_as_json_and_csv()
    {
        var cohort = await Given.Cohort(capacity: 1);
        await Given.EndorsedEnrolment(await Given.Setting(region: "london"), cohort);
        await Given.EndorsedEnrolment(await Given.Setting(region: "london"), cohort);
        var withdrawn = await Given.EndorsedEnrolment(await Given.Setting(region: "north-west"), await Given.Cohort(region: "north-west"));
        await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{withdrawn.Id}/withdrawal", new { reason = "other" }, Ct));

        var report = await Json(await Admin.GetAsync("/api/reports/uptake?year=2023-24", Ct));
        var csvResponse = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/reports/uptake?year=2023-24")
        {
            Headers = { { "Accept", "text/csv" } },
        }, Ct);

        var rows = report["rows"]!.AsArray();
        rows.Count.ShouldBe(8);
        var london = rows.Single(r => r!["region"]!.GetValue<string>() == "london")!;
        (london["confirmed"]!.GetValue<int>(), london["waitlisted"]!.GetValue<int>(), london["cap"]!.GetValue<int>()).ShouldBe((1, 1, 5000));
        london["percentOfTarget"]!.GetValue<decimal>().ShouldBe(0.02m);
        rows.Single(r => r!["region"]!.GetValue<string>() == "north-west")!["withdrawn"]!.GetValue<int>().ShouldBe(1);
        rows.Single(r => r!["region"]!.GetValue<string>() == "all")!["confirmed"]!.GetValue<int>().ShouldBe(1);
        csvResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = (await csvResponse.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldBe("academicYear,region,cap,confirmed,waitlisted,withdrawn,completed,percentOfTarget");
        csv.ShouldContain("2023-24,london,5000,1,1,0,0,0.02");
        (await App.Client("head", "100000").GetAsync("/api/reports/uptake", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
