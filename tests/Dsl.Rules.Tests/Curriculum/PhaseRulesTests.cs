using Dsl.Curriculum;
using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Workshops;
using Wolverine;

namespace Dsl.Rules.Tests.Curriculum;

public sealed class PhaseRulesTests
{
    private static readonly string[] Elements = ["ethos-and-environment", "leadership-and-management"];
    private static readonly string[] Outcomes = ["ethos-and-environment.1", "leadership-and-management.1"];
    private static Evidence With(params string[] signedOff) => new(Elements, Outcomes, signedOff.ToHashSet());
    private static readonly CurriculumOptions Options = new();

    private static LeadProgress Learning(string track = Tracks.Full) => new()
    {
        Id = Guid.CreateVersion7(), SettingUrn = "137000", CohortId = Guid.CreateVersion7(), Region = "london",
        AcademicYear = "2026-27", Phase = ProgrammePhase.Learning, Open = true, Track = track,
        Phases = [new PhaseChange(ProgrammePhase.Learning, Given.Now)],
    };

    private static Attendance Mark(AttendanceMark mark, DateTimeOffset at, params string[] elements) =>
        new() { Id = Guid.NewGuid().ToString(), Mark = mark, WorkshopStartsAt = at, ElementCodes = [.. elements] };

    [Fact]
    public void learning_ends_when_every_element_was_attended_or_caught_up_and_misses_in_a_row_are_counted()
    {
        var progress = Learning();
        PhaseRules.Recount(progress, [Mark(AttendanceMark.Late, Given.Now, Elements[0]), Mark(AttendanceMark.Absent, Given.Now.AddDays(7), Elements[1]),
            Mark(AttendanceMark.Apologies, Given.Now.AddDays(14), Elements[1])], []);

        PhaseRules.Missing(progress, With(), Given.Now).ShouldBe(["element leadership-and-management not covered"]);
        progress.MissedInARow.ShouldBe(2);
        PhaseRules.NextByEvidence(progress, With(), Given.Now).ShouldBeNull();

        PhaseRules.Recount(progress, [Mark(AttendanceMark.Late, Given.Now, Elements[0])],
            [new Dsl.Curriculum.Support.SupportContact { CatchUp = true, ElementCodes = [Elements[1]], On = new DateOnly(2026, 12, 20) }]);
        PhaseRules.NextByEvidence(progress, With(), Given.Now).ShouldBe(ProgrammePhase.ReflectivePlanning);
        progress.MissedInARow.ShouldBe(0);
    }

    [Fact]
    public void reflective_planning_needs_the_baseline_and_the_agreed_plan_and_a_short_track_defers_embedding()
    {
        var full = Learning();
        full.Phase = ProgrammePhase.ReflectivePlanning;
        full.BaselineSubmittedAt = Given.Now;
        PhaseRules.Missing(full, With(), Given.Now).ShouldBe(["action plan not agreed"]);
        full.ActionPlanAgreedAt = Given.Now;
        PhaseRules.NextByEvidence(full, With(), Given.Now).ShouldBe(ProgrammePhase.Embedding);

        var shortTrack = Learning(Tracks.Short);
        shortTrack.Phase = ProgrammePhase.ReflectivePlanning;
        (shortTrack.BaselineSubmittedAt, shortTrack.ActionPlanAgreedAt) = (Given.Now, Given.Now);
        var messages = new OutgoingMessages();
        ProgressFlow.Advance(shortTrack, With(), Given.Now, Options, messages);

        shortTrack.Phase.ShouldBe(ProgrammePhase.EmbeddingDeferred);
        shortTrack.Open.ShouldBeTrue("a deferred lead can resume embedding");
        shortTrack.ResumeEmbeddingBy.ShouldBe(Given.Now + Options.ResumeEmbeddingWindow);
        messages.OfType<ProgrammeCompleted>().Single().Track.ShouldBe(Tracks.Short);
        messages.OfType<LeadProgressed>().Single().Phase.ShouldBe(ProgrammePhase.EmbeddingDeferred);
    }

    [Fact]
    public void embedding_completes_only_after_the_period_with_a_review_during_it_and_every_outcome_signed_off()
    {
        var progress = Learning();
        var messages = new OutgoingMessages();
        ProgressFlow.MoveTo(progress, ProgrammePhase.Embedding, Given.Now, Options, messages);
        var end = Given.Now + Options.EmbeddingPeriod;
        progress.ReviewsSubmittedAt.Add(Given.Now.AddDays(-1)); // before embedding: does not count

        PhaseRules.Missing(progress, With(Outcomes[0]), end).ShouldBe(["review self-assessment not submitted", "outcome leadership-and-management.1 not signed off"]);
        progress.ReviewsSubmittedAt.Add(Given.Now.AddDays(30));
        PhaseRules.NextByEvidence(progress, With(Outcomes), end.AddDays(-1)).ShouldBeNull("the period has not passed");
        PhaseRules.Missing(progress, With(Outcomes), end.AddDays(-1)).ShouldBe([$"embedding period ends {end:yyyy-MM-dd}"]);

        ProgressFlow.Advance(progress, With(Outcomes), end, Options, messages);
        progress.Phase.ShouldBe(ProgrammePhase.Completed);
        progress.Open.ShouldBeFalse();
        messages.OfType<ProgrammeCompleted>().Single().Track.ShouldBe(Tracks.Full);
        messages.OfType<LeadProgressed>().Select(m => m.Phase).ShouldBe([ProgrammePhase.Embedding, ProgrammePhase.Completed]);
    }

    [Fact]
    public void an_override_needs_a_reason_moves_to_the_next_phase_only_and_is_recorded_as_an_override()
    {
        var progress = Learning();
        new AdvancePhase(null, "").Validate().Keys.ShouldBe(["Reason"]);
        new AdvancePhase(ProgrammePhase.Learning, "x").Validate().Keys.ShouldBe(["Phase"]);
        AdvancePhaseEndpoint.Check(new AdvancePhase(ProgrammePhase.Embedding, "x"), progress)!.Status.ShouldBe(409);
        AdvancePhaseEndpoint.Check(new AdvancePhase(null, "x"), progress).ShouldBeNull();

        ProgressFlow.MoveTo(progress, PhaseRules.Next(progress)!.Value, Given.Now, Options, new OutgoingMessages(), "trained elsewhere", "admin-1");
        progress.Phases.Last().ShouldBe(new PhaseChange(ProgrammePhase.ReflectivePlanning, Given.Now, true, "trained elsewhere", "admin-1"));
        progress.Open = false;
        AdvancePhaseEndpoint.Check(new AdvancePhase(null, "x"), progress)!.Status.ShouldBe(409);
    }

    [Fact]
    public void a_lead_is_overdue_for_embedding_once_it_was_due_while_still_in_learning_or_reflective_planning_and_only_once()
    {
        var progress = Learning();
        progress.EmbeddingDueBy = Given.Now.AddDays(183);

        SweepReflectivePlanningDueHandler.IsOverdue(progress, Given.Now.AddDays(182)).ShouldBeFalse("not yet due");
        SweepReflectivePlanningDueHandler.IsOverdue(progress, Given.Now.AddDays(183)).ShouldBeTrue();
        progress.Phase = ProgrammePhase.ReflectivePlanning;
        SweepReflectivePlanningDueHandler.IsOverdue(progress, Given.Now.AddDays(184)).ShouldBeTrue();

        progress.Phase = ProgrammePhase.Embedding;
        SweepReflectivePlanningDueHandler.IsOverdue(progress, Given.Now.AddDays(184)).ShouldBeFalse("reached embedding");
        progress.Phase = ProgrammePhase.Learning;
        progress.FlaggedOverdueAt = Given.Now.AddDays(183);
        SweepReflectivePlanningDueHandler.IsOverdue(progress, Given.Now.AddDays(184)).ShouldBeFalse("flagged already");
        progress.FlaggedOverdueAt = null;
        progress.Open = false;
        SweepReflectivePlanningDueHandler.IsOverdue(progress, Given.Now.AddDays(184)).ShouldBeFalse("withdrawn or completed");
        SweepReflectivePlanningDueHandler.IsOverdue(null, Given.Now).ShouldBeFalse("no record");
    }
}
