using Dsl.Enrolment.Cohorts;
using Dsl.Enrolment.Contracts;
using Dsl.Enrolment.Enrolments;
using Dsl.Enrolment.Settings;
using Wolverine.Marten;

namespace Dsl.Rules.Tests.Enrolment;

public sealed class SubmissionRulesTests
{
    private static readonly Setting Setting = new()
    {
        Urn = "137000", Name = "Oak Academy", Type = SettingType.Academy, Phase = SettingPhase.Secondary,
        LocalAuthority = "Camden", Region = "london", Status = SettingStatus.Open,
    };

    private static readonly Cohort Cohort = new()
    {
        Id = Guid.CreateVersion7(), AcademicYearId = "2026-27", Region = "london", Name = "London", Capacity = 10,
        StartsOn = new DateOnly(2026, 10, 1),
    };

    private static SubmitEnrolment Command(string urn = "137000") =>
        new(urn, new NominatedLead("Sam Lee", "sam@oak.sch.uk", "Deputy head", true), Cohort.Id, Track.Full);

    [Fact]
    public void a_submission_names_each_missing_or_malformed_field()
    {
        var result = new SubmitEnrolment("012345", new NominatedLead("", "not-an-email", "Head", null), null, null)
            .Validate();

        result.Keys.ShouldBe(["SettingUrn", "Lead.Name", "Lead.Email", "Lead.OnSeniorLeadershipTeam", "CohortId", "Track"],
            ignoreOrder: true);
        result["SettingUrn"].ShouldContain("settingUrn must be a six-digit DfE URN.");
    }

    [Fact]
    public void a_complete_submission_is_valid() => Command().Validate().ShouldBeEmpty();

    [Fact]
    public void a_head_may_enrol_only_their_own_setting()
    {
        var context = new SubmissionContext(Setting, Cohort, null);

        SubmitEnrolmentEndpoint.Validate(Command(), context, Given.User("head", "137000")).Passes().ShouldBeTrue();
        SubmitEnrolmentEndpoint.Validate(Command(), context, Given.User("admin")).Passes().ShouldBeTrue();
        SubmitEnrolmentEndpoint.Validate(Command(), context, Given.User("head", "137001")).Status.ShouldBe(403);
    }

    [Fact]
    public void a_closed_setting_or_a_second_enrolment_is_a_conflict_and_unknown_references_are_invalid()
    {
        var admin = Given.User("admin");
        var closed = new Setting { Urn = "137000", Region = "london", Status = SettingStatus.Closed };
        var existing = new SettingPlace { Id = "137000", EnrolmentId = Guid.CreateVersion7() };

        SubmitEnrolmentEndpoint.Validate(Command(), new(closed, Cohort, null), admin).Status.ShouldBe(409);
        var second = SubmitEnrolmentEndpoint.Validate(Command(), new(Setting, Cohort, existing), admin);
        second.Status.ShouldBe(409);
        second.Extensions["enrolmentId"].ShouldBe(existing.EnrolmentId);
        SubmitEnrolmentEndpoint.Validate(Command(), new(null, Cohort, null), admin).Status.ShouldBe(400);
        SubmitEnrolmentEndpoint.Validate(Command(), new(Setting, null, null), admin).Status.ShouldBe(400);
    }

    [Fact]
    public void the_submitted_event_carries_the_settings_phase_and_type_and_no_personal_data()
    {
        var (created, started, _, _, submitted) = SubmitEnrolmentEndpoint.Post(Command(), new(Setting, Cohort, null),
            Given.Clock(), Given.Response());

        created.Value!.Status.ShouldBe(EnrolmentStatus.AwaitingEndorsement);
        ((IStartStream)started).Events.OfType<EnrolmentStarted>().Single().SettingPhase.ShouldBe(SettingPhase.Secondary);
        submitted.SettingPhase.ShouldBe("secondary");
        submitted.SettingType.ShouldBe("academy");
        submitted.SchemaVersion.ShouldBe(EnrolmentIntegrationEvent.CurrentSchemaVersion);
        (submitted.Region, submitted.CohortId, submitted.AcademicYear, submitted.Track).ShouldBe(("london", Cohort.Id, "2026-27", "full"));
        submitted.ToString().ShouldNotContain("Sam Lee");
        submitted.ToString().ShouldNotContain("sam@oak.sch.uk");
    }

    [Fact]
    public void an_enrolment_submitted_before_the_setting_facts_were_recorded_publishes_them_as_absent()
    {
        // A stream started before December 2026 holds an EnrolmentStarted stored without phase or type
        // (as the module's store writes it: camelCase, enums as strings).
        var stored = $$"""
            {"enrolmentId":"{{Guid.CreateVersion7()}}","settingUrn":"137000","funding":"StateFunded","region":"london",
             "cohortId":"{{Cohort.Id}}","academicYearId":"2026-27","track":"Full","leadId":"{{Guid.CreateVersion7()}}","at":"2026-11-02T10:00:00Z"}
            """;
        var started = System.Text.Json.JsonSerializer.Deserialize<EnrolmentStarted>(stored,
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
            {
                Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
            })!;
        (started.SettingPhase, started.SettingType).ShouldBe((null, null));
        var old = Dsl.Enrolment.Enrolments.Enrolment.Create(started);

        var confirmed = new EnrolmentConfirmed().About(old, Given.Now);

        (confirmed.SettingPhase, confirmed.SettingType).ShouldBe((null, null));
        confirmed.SettingUrn.ShouldBe("137000");
    }
}
