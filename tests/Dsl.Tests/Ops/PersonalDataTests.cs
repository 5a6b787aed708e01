using System.Net.Http.Json;
using Dsl.BuildingBlocks.Telemetry;
using Dsl.Host.Hosting.Logging;
using Microsoft.Extensions.Logging;

namespace Dsl.Tests.Ops;

public sealed class PersonalDataTests(DslApp app) : Integrators.IntegratorTest(app)
{
    private static readonly string[] Secrets =
        ["Philippa Quennell-Ashdown", "philippa.quennell@castleview.example.org", "Tobias Fenwick-Osei", "t.fenwick.osei@castleview.example.org"];

    [Fact]
    public async Task names_and_emails_of_leads_appear_in_no_span_or_log_line()
    {
        await Subscribe();
        var given = new Programme(App);
        var urn = await given.Setting();
        var cohort = await given.Cohort();
        var submitted = await given.Admin.PostAsJsonAsync("/api/enrolments", new
        {
            settingUrn = urn, cohortId = cohort, track = "full",
            lead = new { name = Secrets[0], email = Secrets[1], jobTitle = "Deputy head", onSeniorLeadershipTeam = true },
        }, Ct);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await Json(submitted))["id"]!.GetValue<Guid>();
        await given.AndWait(() => given.Endorse(id));
        (await given.Admin.PostAsJsonAsync($"/api/enrolments/{id}/replace-lead", new
        {
            lead = new { name = Secrets[2], email = Secrets[3], jobTitle = "Assistant head", onSeniorLeadershipTeam = true },
        }, Ct)).EnsureSuccessStatusCode();
        // A second nomination for the same setting is refused; a malformed one too.
        await given.Admin.PostAsJsonAsync("/api/enrolments", new
        {
            settingUrn = urn, cohortId = cohort, track = "full",
            lead = new { name = Secrets[0], email = Secrets[1], jobTitle = "Deputy head", onSeniorLeadershipTeam = true },
        }, Ct);
        await given.Admin.PostAsJsonAsync("/api/enrolments", new
        {
            settingUrn = urn, cohortId = cohort, track = "full", lead = new { name = Secrets[2], email = Secrets[2], jobTitle = "x" },
        }, Ct);
        (await given.Get($"/api/enrolments/{id}"))["lead"]!["name"]!.GetValue<string>().ShouldBe(Secrets[2], "the API itself still shows the lead");
        await Eventually(() => Receiver.Received.Count >= 4, "the events are delivered");

        List<System.Diagnostics.Activity> spans;
        lock (App.Spans) spans = App.Spans.ToList();
        spans.Count.ShouldBeGreaterThan(20);
        var spanText = spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")
            .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}")))
            .Append(s.DisplayName).Append(s.StatusDescription ?? "")).ToList();
        var logs = App.LogLines.ToList();
        logs.ShouldNotBeEmpty();
        foreach (var secret in Secrets)
        {
            spanText.ShouldNotContain(t => t.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a span carries {secret}");
            logs.ShouldNotContain(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a log line carries {secret}");
        }
    }

    [Fact]
    public void an_email_in_a_log_line_from_elsewhere_is_masked()
    {
        var line = RedactingJsonFormatter.Format(LogLevel.Error, "Npgsql", new EventId(1),
            "duplicate key: Key (email)=(sam.lee@example.org) already exists", new InvalidOperationException("for jo@example.org"),
            [new("Email", "sam.lee@example.org"), new("Count", 3)], null);

        line.ShouldNotContain("sam.lee@example.org");
        line.ShouldNotContain("jo@example.org");
        line.ShouldContain(PersonalData.RedactedEmail);
        line.ShouldContain("\"Count\":3");
    }
}
