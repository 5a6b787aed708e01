using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Awards.Awards;
using Dsl.Awards.Contracts;
using Dsl.Tests.Assessment;
using Wolverine.Tracking;

namespace Dsl.Tests.Awards;

public sealed class AwardApplicationTests(DslApp app) : ApiTest(app)
{
    private AwardsGiven Given => new(App);

    [Fact]
    public async Task eligibility_comes_from_the_other_modules_messages_and_submit_names_every_unmet_criterion()
    {
        var (urn, _) = await Given.SettingThatCompletedEmbedding(reviewLevel: 2, complete: false);
        var head = Given.As("head", urn);

        var eligibility = await AwardsGiven.Json(await head.GetAsync($"/api/awards/eligibility/{urn}", Ct));
        eligibility["eligible"]!.GetValue<bool>().ShouldBeFalse();
        eligibility["criteria"]!.AsArray().Select(c => (c!["code"]!.GetValue<string>(), c["met"]!.GetValue<bool>()))
            .ShouldBe([("embeddingCompleted", false), ("baselineAndReview", true), ("latestAtDeveloping", false)]);
        (await Given.As("head", "100001").GetAsync($"/api/awards/eligibility/{urn}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (id, etag) = await AwardsGiven.Start(head, urn);
        await AwardsGiven.WriteAll(head, id, etag);
        var refused = await head.PostAsync($"/api/awards/applications/{id}/submit", null, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Json(refused);
        problem["unmetCriteria"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ShouldBe(["embeddingCompleted", "latestAtDeveloping"]);
        problem["detail"]!.GetValue<string>().ShouldContain("student-voice (2)");
    }

    [Fact]
    public async Task an_eligible_setting_applies_an_independent_assessor_asks_for_evidence_and_awards_it()
    {
        var (urn, _) = await Given.SettingThatCompletedEmbedding();
        var head = Given.As("head", urn);
        (await AwardsGiven.Json(await head.GetAsync($"/api/awards/eligibility/{urn}", Ct)))["eligible"]!.GetValue<bool>().ShouldBeTrue();
        var (id, etag) = await AwardsGiven.Start(head, urn);
        (await head.PostAsJsonAsync("/api/awards/applications", new { settingUrn = urn, kind = "award" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        etag = await AwardsGiven.WriteAll(head, id, etag, AssessmentGiven.Elements[..6]);
        var missing = await head.PostAsync($"/api/awards/applications/{id}/submit", null, Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(missing))["errors"]!.AsObject().Select(e => e.Key).Order()
            .ShouldBe(["elements.parents-and-carers", "elements.targeted-support-and-referrals"]);
        (await AwardsGiven.Write(head, id, "\"1\"", "parents-and-carers")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        await AwardsGiven.WriteAll(head, id, etag, AssessmentGiven.Elements[6..]);

        HttpResponseMessage? submitted = null;
        var tracked = await Given.Tracked(async () => submitted = await head.PostAsync($"/api/awards/applications/{id}/submit", null, Ct));
        submitted!.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(submitted))["status"]!.GetValue<string>().ShouldBe("submitted");
        tracked.PublishedEvents<ApplicationSubmitted>().Single().SettingUrn.ShouldBe(urn);

        var conflicted = await Admin.PostAsJsonAsync($"/api/awards/applications/{id}/assignment", new { assessorId = AwardsGiven.Facilitator }, Ct);
        conflicted.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(conflicted))["detail"]!.GetValue<string>().ShouldContain("Conflict of interest");
        tracked = await Given.Tracked(async () =>
            (await Admin.PostAsJsonAsync($"/api/awards/applications/{id}/assignment", new { assessorId = AwardsGiven.Assessor }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK));
        tracked.Sent.SingleMessage<AssessorAssigned>().AssessorId.ShouldBe(AwardsGiven.Assessor);

        var assessor = Given.As("assessor", subject: AwardsGiven.Assessor);
        (await assessor.GetAsync($"/api/awards/applications/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Given.As("assessor", subject: "assessor-2").GetAsync($"/api/awards/applications/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Given.As("head", "100001").GetAsync($"/api/awards/applications/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        async Task<List<Guid>> Listed(HttpClient client, string query = "") =>
            (await Json(await client.GetAsync($"/api/awards/applications{query}", Ct)))["items"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToList();
        (await Listed(assessor)).ShouldBe([id], "an assessor's list is their work queue");
        (await Listed(Given.As("assessor", subject: "assessor-2"))).ShouldBeEmpty();
        (await Listed(head)).ShouldBe([id]);
        (await Listed(Given.As("head", "100001"), $"?settingUrn={urn}")).ShouldBeEmpty("heads see only their own setting's, whatever they ask");
        (await Listed(Admin, $"?settingUrn={urn}&status=underReview")).ShouldBe([id]);
        (await Listed(Admin, $"?settingUrn={urn}&status=draft")).ShouldBeEmpty();
        (await Given.As("assessor", subject: "assessor-2").PostAsJsonAsync($"/api/awards/applications/{id}/judgements",
            new { elementCode = "student-voice", outcome = "met", comment = "" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await AwardsGiven.Judge(assessor, id, code => code == "student-voice" ? "notYetMet" : "met");
        var early = await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/decision", new { outcome = "awarded", feedback = "" }, Ct);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(early))["elementsNotMet"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["student-voice"]);

        var requested = await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/evidence-requests",
            new { missing = "Show how pupils shaped the wellbeing policy.", elementCodes = new[] { "student-voice" } }, Ct);
        (await Json(requested))["status"]!.GetValue<string>().ShouldBe("moreEvidenceRequested");
        (await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/judgements", new { elementCode = "student-voice", outcome = "met" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var current = (await head.GetAsync($"/api/awards/applications/{id}", Ct)).Headers.ETag!.Tag;
        (await AwardsGiven.Write(head, id, current, "student-voice", "The pupil panel rewrote the policy.")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var resubmitted = await head.PostAsync($"/api/awards/applications/{id}/submit", null, Ct);
        (await Json(resubmitted))["status"]!.GetValue<string>().ShouldBe("underReview");

        (await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/judgements", new { elementCode = "student-voice", outcome = "met", comment = "Now clear." }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        HttpResponseMessage? decided = null;
        tracked = await Given.Tracked(async () => decided = await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/decision",
            new { outcome = "awarded", feedback = "Well evidenced." }, Ct));
        decided!.StatusCode.ShouldBe(HttpStatusCode.OK);
        var application = await Json(decided);
        application["status"]!.GetValue<string>().ShouldBe("awarded");
        var awardId = application["awardId"]!.GetValue<Guid>();
        var granted = tracked.PublishedEvents<AwardGranted>().Single();
        (granted.AwardId, granted.SettingUrn, granted.Region).ShouldBe((awardId, urn, "london"));
        granted.ValidUntil.ShouldBe(granted.ValidFrom.AddYears(3));
        tracked.Sent.SingleMessage<ApplicationClosed>().AssessorId.ShouldBe(AwardsGiven.Assessor);
        tracked.Scheduled.SingleMessage<ExpireAward>().AwardId.ShouldBe(awardId);
        tracked.Scheduled.SingleMessage<MarkRenewalDue>().AwardId.ShouldBe(awardId);

        var award = await Json(await head.GetAsync($"/api/awards/{awardId}", Ct));
        award["status"]!.GetValue<string>().ShouldBe("active");
        award["validUntil"]!.GetValue<DateTimeOffset>().ShouldBe(award["validFrom"]!.GetValue<DateTimeOffset>().AddYears(3));
        var listed = await Json(await Admin.GetAsync($"/api/awards?settingUrn={urn}&status=active", Ct));
        listed["items"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ShouldBe([awardId]);
        (await Given.As("head", "100001").GetAsync($"/api/awards/{awardId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The public event reaches integrators' feed as a CloudEvent from urn:dsl:awards, without personal data.
        var integrator = App.Client("integrator");
        JsonNode? feedEvent = null;
        for (var attempt = 0; attempt < 100 && feedEvent is null; attempt++, await Task.Delay(100, Ct))
            feedEvent = (await Json(await integrator.GetAsync("/api/events?types=dsl.awards.award-granted.v1", Ct)))["items"]!.AsArray().SingleOrDefault();
        feedEvent.ShouldNotBeNull();
        feedEvent["source"]!.GetValue<string>().ShouldBe("urn:dsl:awards");
        feedEvent["data"]!["credentialId"]!.GetValue<string>().ShouldBe(award["credentialId"]!.GetValue<string>());
        feedEvent["data"]!.ToJsonString().ShouldNotContain("Well evidenced");
    }

    [Fact]
    public async Task not_awarded_needs_feedback_and_closes_the_assessors_access()
    {
        var (urn, _) = await Given.SettingThatCompletedEmbedding();
        var head = Given.As("head", urn);
        var (id, etag) = await AwardsGiven.Start(head, urn);
        await AwardsGiven.WriteAll(head, id, etag);
        await head.PostAsync($"/api/awards/applications/{id}/submit", null, Ct);
        await Admin.PostAsJsonAsync($"/api/awards/applications/{id}/assignment", new { assessorId = AwardsGiven.Assessor }, Ct);
        var assessor = Given.As("assessor", subject: AwardsGiven.Assessor);

        (await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/decision", new { outcome = "notAwarded" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var tracked = await Given.Tracked(async () =>
            (await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/decision", new { outcome = "notAwarded", feedback = "Not yet embedded in practice." }, Ct))
                .StatusCode.ShouldBe(HttpStatusCode.OK));

        tracked.Sent.SingleMessage<ApplicationClosed>().ApplicationId.ShouldBe(id);
        tracked.PublishedEvents<AwardGranted>().ShouldBeEmpty();
        var read = await Json(await head.GetAsync($"/api/awards/applications/{id}", Ct));
        (read["status"]!.GetValue<string>(), read["awardId"]).ShouldBe(("notAwarded", null));
        (await assessor.PostAsJsonAsync($"/api/awards/applications/{id}/decision", new { outcome = "awarded", feedback = "" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task an_award_publishes_renewal_due_ninety_days_before_and_expires_at_its_end_and_a_renewal_continues_the_period()
    {
        var (urn, enrolmentId) = await Given.SettingThatCompletedEmbedding();
        var awardId = await Given.Awarded(urn);
        var award = await Json(await Admin.GetAsync($"/api/awards/{awardId}", Ct));
        var validUntil = award["validUntil"]!.GetValue<DateTimeOffset>();

        // Both are durable scheduled messages: stored in PostgreSQL with their due times, so a restart does not lose them
        // (whichever node is up when they fall due runs them).
        await using (var db = new Npgsql.NpgsqlConnection(App.ConnectionString))
        {
            await db.OpenAsync(Ct);
            await using var query = new Npgsql.NpgsqlCommand(
                "select message_type, execution_time from wolverine.wolverine_incoming_envelopes where status = 'Scheduled' " +
                "and (message_type ilike '%ExpireAward%' or message_type ilike '%MarkRenewalDue%')", db);
            var scheduled = new List<(string Type, DateTimeOffset At)>();
            await using (var reader = await query.ExecuteReaderAsync(Ct))
                while (await reader.ReadAsync(Ct)) scheduled.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
            scheduled.ShouldContain(m => m.Type.Contains("ExpireAward") && m.At == validUntil);
            scheduled.ShouldContain(m => m.Type.Contains("MarkRenewalDue") && m.At == validUntil.AddDays(-90));
        }

        (await App.Host.InvokeMessageAndWaitAsync(new MarkRenewalDue(awardId))).PublishedEvents<RenewalDue>().ShouldBeEmpty();
        App.Clock.Advance(validUntil.AddDays(-89) - App.Clock.GetUtcNow());
        (await App.Host.InvokeMessageAndWaitAsync(new MarkRenewalDue(awardId))).PublishedEvents<RenewalDue>().Single().ValidUntil.ShouldBe(validUntil);
        (await App.Host.InvokeMessageAndWaitAsync(new MarkRenewalDue(awardId))).PublishedEvents<RenewalDue>().ShouldBeEmpty();

        // Renewal, in the last six months, on a review within the last twelve.
        var head = Given.As("head", urn);
        var early = await AwardsGiven.Json(await head.GetAsync($"/api/awards/eligibility/{urn}?kind=renewal", Ct));
        early["criteria"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "recentReviewAtDeveloping")!["met"]!.GetValue<bool>().ShouldBeFalse();
        await Given.Assessment.Submitted(Given.As("lead", urn), enrolmentId, _ => 4);
        var renewalId = await Given.Awarded(urn, "renewal");
        var renewal = await Json(await Admin.GetAsync($"/api/awards/{renewalId}", Ct));
        renewal["validFrom"]!.GetValue<DateTimeOffset>().ShouldBe(validUntil);
        renewal["validUntil"]!.GetValue<DateTimeOffset>().ShouldBe(validUntil.AddYears(3));
        renewal["renewsAwardId"]!.GetValue<Guid>().ShouldBe(awardId);

        (await App.Host.InvokeMessageAndWaitAsync(new ExpireAward(awardId))).PublishedEvents<AwardExpired>().ShouldBeEmpty();
        App.Clock.Advance(validUntil.AddSeconds(1) - App.Clock.GetUtcNow());
        var expired = await App.Host.InvokeMessageAndWaitAsync(new ExpireAward(awardId));
        expired.PublishedEvents<AwardExpired>().Single().AwardId.ShouldBe(awardId);
        (await Json(await Admin.GetAsync($"/api/awards/{awardId}", Ct)))["status"]!.GetValue<string>().ShouldBe("expired");
        (await Json(await Admin.GetAsync($"/api/awards/{renewalId}", Ct)))["status"]!.GetValue<string>().ShouldBe("active");
    }
}
