using Dsl.Host.DataProtection;
using Wolverine.Tracking;

namespace Dsl.Tests.DataProtection;

public sealed class ExportTests(DslApp app) : ApiTest(app)
{
    private const string Name = "Ottoline Vasquez-Merriweather";
    private const string Email = "ottoline.vm.5521@export-test.example";

    [Fact]
    public async Task the_export_gathers_every_modules_part_about_the_lead_and_nothing_of_another_then_expires()
    {
        var given = new DataProtectionGiven(App);
        var lead = await given.LeadEverywhere(Name, Email, "Percival Okonkwo-Lindqvist");

        var accepted = await given.AndWait(() => Admin.PostAsync($"/api/enrolments/{lead.EnrolmentId}/lead/export", null, Ct));
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await Json(accepted))["requestId"]!.GetValue<Guid>();
        accepted.Headers.Location!.ToString().ShouldBe($"/api/data-protection/requests/{requestId}");
        var request = await given.Programme.Get($"/api/data-protection/requests/{requestId}");
        request["status"]!.GetValue<string>().ShouldBe("completed");
        request["modules"]!.AsArray().ShouldAllBe(m => m!["completed"]!.GetValue<bool>());

        var response = await Admin.GetAsync($"/api/data-protection/requests/{requestId}/export", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var export = await Json(response);
        var modules = export["modules"]!.AsObject();
        modules.Select(m => m.Key).ShouldBe(App.Modules.Select(m => m.Name).Order(StringComparer.Ordinal));
        modules["Enrolment"]!["enrolment"]!["lead"]!["email"]!.GetValue<string>().ShouldBe(Email);
        modules["Curriculum"]!["certificateName"]!["leadName"]!.GetValue<string>().ShouldBe(Name);
        modules["Curriculum"]!["attendance"]![0]!["note"]!.GetValue<string>().ShouldContain(Name);
        modules["Curriculum"]!["support"]![0]!["note"]!.GetValue<string>().ShouldContain(Email);
        modules["Assessment"]!["selfAssessments"]![0]!["elements"]!["ethos-and-environment"]!["evidence"]!.GetValue<string>().ShouldContain(Name);
        modules["Assessment"]!["actionPlans"]![0]!["actions"]![0]!["owner"]!["name"]!.GetValue<string>().ShouldBe(Name);
        modules["PeerNetwork"]!["member"]!["directory"]!["displayName"]!.GetValue<string>().ShouldBe(Name);
        modules["PeerNetwork"]!["notesWritten"]!.AsArray().Single()!["text"]!.GetValue<string>().ShouldContain(Name);
        modules["PeerNetwork"]!["sets"]![0]!["actions"]![0]!["what"]!.GetValue<string>().ShouldContain(Name);
        var text = export.ToJsonString();
        foreach (var other in new[] { "Peer 0 Lead", "peer1@example.org", "A peer's own note" })
            text.ShouldNotContain(other, Case.Insensitive, "another lead's data is not in this lead's export");

        App.Clock.Advance(TimeSpan.FromDays(8));
        await App.Host.InvokeMessageAndWaitAsync(new ExpireExport(requestId));
        (await Admin.GetAsync($"/api/data-protection/requests/{requestId}/export", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await given.Programme.Get($"/api/data-protection/requests/{requestId}"))["status"]!.GetValue<string>().ShouldBe("expired");
        (await Admin.GetAsync($"/api/data-protection/requests/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.Client("facilitator").PostAsync($"/api/enrolments/{lead.EnrolmentId}/lead/export", null, Ct)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
    }
}
