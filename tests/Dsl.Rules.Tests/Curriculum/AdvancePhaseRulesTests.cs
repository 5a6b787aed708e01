using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Progress;

namespace Dsl.Rules.Tests.Curriculum;

public sealed class AdvancePhaseRulesTests
{
    private static LeadProgress Learning() => new()
    {
        Id = Guid.CreateVersion7(), SettingUrn = "137000", CohortId = Guid.CreateVersion7(), Region = "london",
        AcademicYear = "2026-27", Phase = ProgrammePhase.Learning, Open = true,
    };

    [Fact]
    public void a_lead_moves_one_phase_at_a_time_while_the_record_is_open()
    {
        var progress = Learning();

        AdvancePhaseEndpoint.Validate(new AdvancePhase(ProgrammePhase.ReflectivePlanning), progress, progress.Id).Passes().ShouldBeTrue();
        AdvancePhaseEndpoint.Validate(new AdvancePhase(ProgrammePhase.Embedding), progress, progress.Id).Status.ShouldBe(409);
        AdvancePhaseEndpoint.Validate(new AdvancePhase(ProgrammePhase.ReflectivePlanning), null, progress.Id).Status.ShouldBe(404);
        progress.Open = false;
        AdvancePhaseEndpoint.Validate(new AdvancePhase(ProgrammePhase.ReflectivePlanning), progress, progress.Id).Status.ShouldBe(409);
        new AdvancePhase(ProgrammePhase.Learning).Validate().Keys.ShouldBe(["Phase"]);
    }

    [Fact]
    public void reaching_completed_closes_the_record_and_publishes_both_public_events()
    {
        var progress = Learning();
        progress.Phase = ProgrammePhase.Embedding;

        var (after, _, messages) = AdvancePhaseEndpoint.Post(new AdvancePhase(ProgrammePhase.Completed), progress, Given.Clock());

        after.Open.ShouldBeFalse();
        var progressed = messages.OfType<LeadProgressed>().Single();
        (progressed.Phase, progressed.EnrolmentId, progressed.CohortId, progressed.Region, progressed.AcademicYear)
            .ShouldBe((ProgrammePhase.Completed, progress.Id, progress.CohortId, "london", "2026-27"));
        messages.OfType<ProgrammeCompleted>().Single().EnrolmentId.ShouldBe(progress.Id);
    }
}
