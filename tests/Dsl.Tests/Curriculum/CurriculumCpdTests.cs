using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Dsl.Tests.Curriculum;

public sealed class CurriculumCpdTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    [Fact]
    public async Task the_cpd_record_adds_attended_workshops_and_support_to_the_total_in_json_and_csv()
    {
        var facilitator = App.Host.Server.CreateClient();
        facilitator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.Tokens.Issue("facilitator", subject: "fac-cpd"));
        var cohort = (await Json(await Given.AndWait(() => Admin.PostAsJsonAsync("/api/cohorts", new
        {
            academicYearId = "2023-24", region = "london", deliveryMode = "blended", name = "london cohort", startsOn = "2023-10-02",
            capacity = 10, facilitatorId = "fac-cpd",
        }, Ct))))["id"]!.GetValue<Guid>();
        var urn = await Given.Setting();
        var (enrolment, _) = await Given.EndorsedEnrolment(urn, cohort);
        var past = App.Clock.GetUtcNow().AddDays(-21);
        async Task<Guid> Day(DateTimeOffset starts, double hours, string mark)
        {
            var created = await Given.AndWait(() => facilitator.PostAsJsonAsync($"/api/curriculum/cohorts/{cohort}/workshops", new
            {
                title = "Workshop day", startsAt = starts, endsAt = starts.AddHours(hours), delivery = "faceToFace", venue = "Camden Centre",
                elementCodes = new[] { "ethos-and-environment" },
            }, Ct));
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            var id = (await Json(created))["id"]!.GetValue<Guid>();
            (await Given.AndWait(() => facilitator.PutAsJsonAsync($"/api/curriculum/workshops/{id}/attendance",
                new { marks = new[] { new { enrolmentId = enrolment, mark } } }, Ct))).EnsureSuccessStatusCode();
            return id;
        }
        await Day(past, 6, "present");
        await Day(past.AddDays(7), 5.5, "late");
        await Day(past.AddDays(14), 6, "absent");
        (await Given.AndWait(() => facilitator.PostAsJsonAsync($"/api/curriculum/progress/{enrolment}/support", new
        {
            mode = "phone", on = "2023-11-20", minutes = 45, elementCodes = new[] { "ethos-and-environment" }, catchUp = true,
            note = "Private note about the lead",
        }, Ct))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Given.AndWait(() => facilitator.PostAsJsonAsync($"/api/curriculum/progress/{enrolment}/outcomes",
            new { outcomeCodes = new[] { "ethos-and-environment.1" }, evidence = "Plan seen" }, Ct))).EnsureSuccessStatusCode();
        var lead = App.Client("lead", urn);

        var record = await Json(await lead.GetAsync($"/api/curriculum/progress/{enrolment}/cpd", Ct));

        record["workshops"]!.AsArray().Count.ShouldBe(2);
        record["workshopHours"]!.GetValue<double>().ShouldBe(11.5);
        record["supportMinutes"]!.GetValue<int>().ShouldBe(45);
        record["totalHours"]!.GetValue<double>().ShouldBe(12.25);
        record["outcomes"]!.AsArray().ShouldHaveSingleItem()!["outcomeCode"]!.GetValue<string>().ShouldBe("ethos-and-environment.1");
        record["phases"]!.AsArray()[0]!["phase"]!.GetValue<string>().ShouldBe("learning");

        var asCsv = new HttpRequestMessage(HttpMethod.Get, $"/api/curriculum/progress/{enrolment}/cpd");
        asCsv.Headers.Accept.ParseAdd("text/csv");
        var csv = await lead.SendAsync(asCsv, Ct);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await csv.Content.ReadAsStringAsync(Ct);
        text.ShouldStartWith("kind,date,activity,elements,hours");
        text.TrimEnd().Split('\n')[^1].TrimEnd('\r').ShouldBe("total,,Total hours,,12.25");
        text.ShouldNotContain("Private note");

        (await App.Client("lead", await Given.Setting()).GetAsync($"/api/curriculum/progress/{enrolment}/cpd", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
