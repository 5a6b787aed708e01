using System.Net.Http.Json;
using Dsl.Enrolment.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Dsl.Tests.DataProtection;

public sealed class ErasureTests(DslApp app) : ApiTest(app)
{
    private const string Name = "Zephyrine Quillfeather-Oduya";
    private const string Email = "zq.oduya.7731@privacy-test.example";
    private const string Endorser = "Barnaby Thistlewood-Akande";

    private DataProtectionGiven Given => new(App);

    private Task<List<string>> TablesContaining(string needle) =>
        DatabaseSearch.TablesContaining(App.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), needle);

    [Fact]
    public async Task erasing_a_lead_leaves_their_name_and_email_in_no_table_of_any_schema_and_keeps_the_reports()
    {
        var given = Given;
        var lead = await given.LeadEverywhere(Name, Email, Endorser);
        // An export taken before the erasure holds the lead's data too, until the erasure deletes it.
        var export = await Json(await given.AndWait(() => Admin.PostAsync($"/api/enrolments/{lead.EnrolmentId}/lead/export", null, Ct)));
        (await Admin.GetStringAsync($"/api/data-protection/requests/{export["requestId"]}/export", Ct)).ShouldContain(Email);
        var needles = new[] { Name, Email, Endorser, DataProtectionGiven.RaterEmail(Email) };
        foreach (var needle in needles)
            (await TablesContaining(needle)).ShouldNotBeEmpty($"the seeding wrote {needle} somewhere");
        var uptake = await Admin.GetStringAsync("/api/reports/uptake?year=2023-24", Ct);

        var erased = await given.AndWait(() => Admin.PostAsJsonAsync($"/api/enrolments/{lead.EnrolmentId}/lead/erasure",
            new { reason = "The lead left teaching and asked to be forgotten", requestedOn = "2026-11-28" }, Ct));
        erased.StatusCode.ShouldBe(HttpStatusCode.Accepted, await erased.Content.ReadAsStringAsync(Ct));
        var requestId = (await Json(erased))["requestId"]!.GetValue<Guid>();

        var request = await given.Programme.Get($"/api/data-protection/requests/{requestId}");
        request["status"]!.GetValue<string>().ShouldBe("completed");
        var modules = request["modules"]!.AsArray().ToDictionary(m => m!["module"]!.GetValue<string>(),
            m => m!["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).ToList());
        modules.Keys.ShouldBe(App.Modules.Select(m => m.Name).Order(), ignoreOrder: true);
        modules["Enrolment"].ShouldBe(["leadNameEmailAndJobTitle", "endorserName"]);
        modules["Curriculum"].ShouldBe(["certificateName", "attendanceNotes", "supportNotes", "outcomeEvidence"]);
        modules["Assessment"].ShouldContain("selfAssessmentText");
        modules["Assessment"].ShouldContain("actionPlanNamesAndNotes");
        modules["Assessment"].ShouldContain("raterEmails");
        modules["Assessment"].ShouldContain("coachingContent");
        modules["Assessment"].ShouldContain("developmentPlan");
        modules["Assessment"].ShouldContain("skillsReviewAnswersAndComments");
        modules["PeerNetwork"].ShouldBe(["directoryListing", "setNotes", "setActions"]);

        foreach (var needle in needles)
            (await TablesContaining(needle)).ShouldBeEmpty($"{needle} is still stored");
        (await Admin.GetStringAsync("/api/reports/uptake?year=2023-24", Ct)).ShouldBe(uptake, "the uptake report is unchanged");
        var enrolment = await given.Programme.Get($"/api/enrolments/{lead.EnrolmentId}");
        (enrolment["status"]!.GetValue<string>(), enrolment["lead"]!["name"]!.GetValue<string>()).ShouldBe(("confirmed", "[erased]"));
        var notes = await Json(await given.As("facilitator", subject: "fac-privacy").GetAsync($"/api/peer-network/sets/{lead.SetId}/sessions/1/notes", Ct));
        notes.AsArray().Select(n => n!["text"]!.GetValue<string>()).ShouldBe(["A peer's own note"], "the set's other notes stay");

        var again = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            (await Admin.PostAsJsonAsync($"/api/enrolments/{lead.EnrolmentId}/lead/erasure",
                new { reason = "Asked again", requestedOn = "2026-11-29" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK)));
        again.Sent.MessagesOf<LeadErasureRequested>().ShouldBeEmpty("replaying the request changes nothing further");
        (await given.Programme.Get($"/api/enrolments/{lead.EnrolmentId}"))["version"]!.GetValue<int>()
            .ShouldBe(enrolment["version"]!.GetValue<int>());
    }
}
