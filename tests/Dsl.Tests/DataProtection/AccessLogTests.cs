using System.Net.Http.Json;

namespace Dsl.Tests.DataProtection;

public sealed class AccessLogTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task an_admins_read_of_a_progress_record_is_logged_with_ids_only_and_the_leads_own_read_is_not()
    {
        var given = new DataProtectionGiven(App);
        var cohort = await given.Cohort();
        var (id, urn) = await given.ConfirmedLead(cohort, "Wilhelmina Audit-Test", "wa@audit.example", "Head Teacher");
        var admin = App.Client("admin");
        var lead = App.Client("lead", urn);

        (await lead.GetAsync($"/api/curriculum/progress/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await admin.GetAsync($"/api/curriculum/progress/{id}", Ct);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/curriculum/progress/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var log = await Json(await Admin.GetAsync($"/api/data-protection/access-log?enrolmentId={id}", Ct));
        var entries = log["items"]!.AsArray();
        entries.Select(e => (e!["role"]!.GetValue<string>(), e["recordKind"]!.GetValue<string>())).ShouldBe([("admin", "progress")],
            "the admin's read, not the lead's own, nor a read that found nothing");
        entries[0]!["actor"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        entries[0]!["traceId"]!.GetValue<string>().ShouldBe(read.Headers.GetValues("traceresponse").Single().Split('-')[1]);
        entries[0]!.ToJsonString().ShouldNotContain("Wilhelmina");

        var byActor = await Json(await Admin.GetAsync($"/api/data-protection/access-log?actor={entries[0]!["actor"]}", Ct));
        byActor["items"]!.AsArray().ShouldAllBe(e => e!["actor"]!.GetValue<string>() == entries[0]!["actor"]!.GetValue<string>());
        (await App.Client("facilitator").GetAsync("/api/data-protection/access-log", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_read_of_a_record_named_by_its_own_id_is_logged_against_its_enrolment()
    {
        var given = new DataProtectionGiven(App);
        var (id, urn) = await given.ConfirmedLead(await given.Cohort(), "Audit Two", "a2@audit.example", "Head Teacher");
        var started = await App.Client("lead", urn).PostAsJsonAsync("/api/assessment/self-assessments", new { enrolmentId = id }, Ct);
        var assessment = (await Json(started))["id"]!.GetValue<Guid>();

        (await Admin.GetAsync($"/api/assessment/self-assessments/{assessment}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = await Json(await Admin.GetAsync($"/api/data-protection/access-log?enrolmentId={id}", Ct));
        log["items"]!.AsArray().Select(e => e!["recordKind"]!.GetValue<string>()).ShouldBe(["selfAssessment"]);
    }
}
