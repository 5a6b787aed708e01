using System.Net.Http.Headers;
using System.Xml.Linq;

namespace Dsl.Tests.Assessment;

public sealed class ProgressPictureTests(DslApp app) : ApiTest(app)
{
    private AssessmentGiven Given => new(App);

    [Fact]
    public async Task a_baseline_and_two_reviews_show_as_series_in_json_csv_and_an_accessible_svg()
    {
        var (urn, enrolmentId, _) = await Given.ConfirmedEnrolment();
        var lead = Given.As("lead", urn);
        await Given.Submitted(lead, enrolmentId, _ => 1);
        App.Clock.Advance(TimeSpan.FromDays(90));
        await Given.Submitted(lead, enrolmentId, code => code == "student-voice" ? 3 : 2);
        App.Clock.Advance(TimeSpan.FromDays(90));
        await Given.Submitted(lead, enrolmentId, code => code == "parents-and-carers" ? 1 : 3);

        var picture = await Json(await lead.GetAsync($"/api/assessment/settings/{urn}/progress", Ct));

        picture["submissions"]!.GetValue<int>().ShouldBe(3);
        picture["overallBaseline"]!.GetValue<double>().ShouldBe(1);
        picture["overallLatest"]!.GetValue<double>().ShouldBe(2.75);
        var voice = picture["elements"]!.AsArray().Single(e => e!["code"]!.GetValue<string>() == "student-voice")!;
        voice["baseline"]!.GetValue<int>().ShouldBe(1);
        voice["latest"]!.GetValue<int>().ShouldBe(3);
        voice["change"]!.GetValue<int>().ShouldBe(2);
        voice["series"]!.AsArray().Select(p => p!["level"]!.GetValue<int>()).ShouldBe([1, 3, 3]);
        voice["series"]!.AsArray().Select(p => p!["kind"]!.GetValue<string>()).ShouldBe(["baseline", "review", "review"]);

        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/assessment/settings/{urn}/progress");
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await lead.SendAsync(csvRequest, Ct)).Content.ReadAsStringAsync(Ct);
        var lines = csv.Trim().Split('\n');
        lines[0].ShouldBe("elementCode,elementNumber,elementTitle,submittedAt,kind,level");
        lines.Length.ShouldBe(1 + 8 * 3);
        lines.Where(l => l.StartsWith("student-voice,")).Select(l => l.Split(',')[^1]).ShouldBe(["1", "3", "3"]);

        var svgRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/assessment/settings/{urn}/progress");
        svgRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/svg+xml"));
        var svgResponse = await lead.SendAsync(svgRequest, Ct);
        svgResponse.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        var svg = XDocument.Parse(await svgResponse.Content.ReadAsStringAsync(Ct));
        var ns = svg.Root!.Name.Namespace;
        svg.Root.Attribute("role")!.Value.ShouldBe("img");
        svg.Root.Element(ns + "title")!.Value.ShouldContain(urn);
        var desc = svg.Root.Element(ns + "desc")!.Value;
        desc.ShouldContain("Enabling the student voice: baseline 1, latest 3 (up 2)");
        var framework = await Json(await lead.GetAsync("/api/assessment/framework", Ct));
        foreach (var element in framework["elements"]!.AsArray())
            desc.ShouldContain(element!["title"]!.GetValue<string>());

        var chart = await lead.GetAsync($"/api/assessment/settings/{urn}/progress.svg", Ct);
        XDocument.Parse(await chart.Content.ReadAsStringAsync(Ct)).Root!.Element(ns + "desc")!.Value.ShouldBe(desc);
    }
}
