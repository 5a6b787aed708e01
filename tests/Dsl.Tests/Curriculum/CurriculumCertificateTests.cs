using System.Net.Http.Json;
using UglyToad.PdfPig;

namespace Dsl.Tests.Curriculum;

public sealed class CurriculumCertificateTests(DslApp app) : ApiTest(app)
{
    private const string LeadName = "Ottoline Brackenbury-Ncube";
    private Programme Given => new(App);

    [Fact]
    public async Task a_completed_lead_gets_a_pdf_certificate_with_name_and_hours_that_anyone_can_verify()
    {
        var urn = await Given.Setting(name: "Larkspur Academy");
        var cohort = await Given.Cohort();
        var submitted = await Admin.PostAsJsonAsync("/api/enrolments", new
        {
            settingUrn = urn, cohortId = cohort, track = "full",
            lead = new { name = LeadName, email = "o.brackenbury@larkspur.example.org", jobTitle = "Deputy head", onSeniorLeadershipTeam = true },
        }, Ct);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var enrolment = (await Json(submitted))["id"]!.GetValue<Guid>();
        (await Given.AndWait(() => Given.Endorse(enrolment))).EnsureSuccessStatusCode();
        (await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/curriculum/progress/{enrolment}/support", new
        {
            mode = "phone", on = "2023-11-20", minutes = 90, elementCodes = new[] { "ethos-and-environment" }, catchUp = false,
        }, Ct))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var lead = App.Client("lead", urn);
        var certificateUrl = $"/api/curriculum/progress/{enrolment}/certificate";

        (await lead.GetAsync(certificateUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not before completion");
        for (var step = 0; step < 3; step++)
            (await Given.AndWait(() => Admin.PostAsJsonAsync($"/api/curriculum/progress/{enrolment}/phase",
                new { reason = "Trained elsewhere" }, Ct))).EnsureSuccessStatusCode();
        (await Given.Get($"/api/curriculum/progress/{enrolment}"))["phase"]!.GetValue<string>().ShouldBe("completed");

        var response = await lead.GetAsync(certificateUrl, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        using (var opened = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
            opened.PageCount.ShouldBeGreaterThanOrEqualTo(1);
        string text;
        using (var pdf = PdfDocument.Open(bytes))
            text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        text.ShouldContain(LeadName.Split(' ')[0]);
        text.ShouldContain("Brackenbury-Ncube");
        text.ShouldContain("Larkspur");
        text.ShouldContain("1.5", customMessage: "the CPD record's totalHours: 90 minutes of support");
        var verifyPath = text.Split(' ', '\n').Single(w => w.Contains("/api/curriculum/certificates/"));
        var verifyUri = new Uri(verifyPath);

        var verification = await App.Host.Server.CreateClient().GetAsync(verifyUri.PathAndQuery, Ct);
        verification.StatusCode.ShouldBe(HttpStatusCode.OK, "anonymous");
        var facts = await Json(verification);
        facts["totalHours"]!.GetValue<double>().ShouldBe(1.5);
        facts["track"]!.GetValue<string>().ShouldBe("full");
        facts["settingName"]!.GetValue<string>().ShouldBe("Larkspur Academy");
        facts.ToJsonString().ShouldNotContain("Brackenbury");
        (await App.Host.Server.CreateClient().GetAsync($"/api/curriculum/certificates/{Guid.NewGuid()}", Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var again = await (await lead.GetAsync(certificateUrl, Ct)).Content.ReadAsByteArrayAsync(Ct);
        using (var pdf = PdfDocument.Open(again))
            string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).ShouldContain(verifyPath, customMessage: "one certificate per completion");

        (await App.Client("head", await Given.Setting()).GetAsync(certificateUrl, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound,
            "another setting's head");
        var feed = (await Json(await Admin.GetAsync("/api/events?limit=1000", Ct))).ToJsonString();
        feed.ShouldNotContain("lead-named");
        feed.ShouldNotContain("Brackenbury");
        List<System.Diagnostics.Activity> spans;
        lock (App.Spans) spans = App.Spans.ToList();
        spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName))
            .ShouldNotContain(t => t.Contains("Brackenbury", StringComparison.OrdinalIgnoreCase));
        App.LogLines.ToList().ShouldNotContain(l => l.Contains("Brackenbury", StringComparison.OrdinalIgnoreCase));
    }
}
