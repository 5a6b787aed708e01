using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.DataProtection;
using Dsl.Enrolment.Enrolments;
using Dsl.Enrolment.Settings;

namespace Dsl.Rules.Tests.DataProtection;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

public sealed class RetentionRulesTests
{
    private static readonly DateTimeOffset Submitted = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static Enrolment Ended(DateTimeOffset at)
    {
        var enrolment = Enrolment.Create(new EnrolmentStarted(Guid.CreateVersion7(), "137000", Funding.StateFunded, "london",
            Guid.CreateVersion7(), "2023-24", Track.Full, Guid.CreateVersion7(), Submitted));
        enrolment.Apply(new Withdrawn(WithdrawalReason.LeadLeft, at));
        return enrolment;
    }

    [Theory]
    [InlineData("2024-08-31T23:00:00Z", "2030-09-01T00:00:00Z")] // ended in 2023-24: that year ends 31 August 2024
    [InlineData("2024-09-01T00:00:00Z", "2031-09-01T00:00:00Z")] // ended in 2024-25
    [InlineData("2025-03-15T12:00:00Z", "2031-09-01T00:00:00Z")]
    public void a_lead_is_due_six_years_after_the_end_of_the_academic_year_their_enrolment_ended_in(string ended, string due) =>
        Retention.DueAt(DateTimeOffset.Parse(ended), 6).ShouldBe(DateTimeOffset.Parse(due));

    [Fact]
    public void only_an_ended_enrolment_not_yet_erased_and_past_its_time_is_due()
    {
        var withdrawn = Ended(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var due = new DateTimeOffset(2030, 9, 1, 0, 0, 0, TimeSpan.Zero);

        Retention.IsDue(withdrawn, due.AddTicks(-1), 6).ShouldBeFalse("a moment too early");
        Retention.IsDue(withdrawn, due, 6).ShouldBeTrue();
        withdrawn.Apply(new LeadErasureRecorded(Guid.CreateVersion7(), due));
        Retention.IsDue(withdrawn, due, 6).ShouldBeFalse("already erased");

        var active = Enrolment.Create(new EnrolmentStarted(Guid.CreateVersion7(), "137001", Funding.StateFunded, "london",
            Guid.CreateVersion7(), "2023-24", Track.Full, Guid.CreateVersion7(), Submitted));
        Retention.IsDue(active, due.AddYears(20), 6).ShouldBeFalse("an active enrolment is never due");
    }

    [Fact]
    public void erasure_blanks_the_endorsers_name_and_keeps_every_other_fact()
    {
        var enrolment = Ended(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
        enrolment.Apply(new Endorsed("Pat Head", "Head teacher", Submitted));
        var status = enrolment.Status;
        var history = enrolment.History.Count;

        enrolment.Apply(new LeadErasureRecorded(Guid.CreateVersion7(), Submitted.AddYears(1)));

        enrolment.Endorsement!.EndorserName.ShouldBe("[erased]");
        enrolment.Endorsement.EndorserRole.ShouldBe("Head teacher");
        (enrolment.Status, enrolment.History.Count).ShouldBe((status, history));
    }

    [Fact]
    public void the_job_runs_daily_at_two_in_the_morning_utc() =>
        DailyRuns.NextRunAfter(new DateTimeOffset(2026, 12, 1, 22, 30, 0, TimeSpan.Zero))
            .ShouldBe(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
}
