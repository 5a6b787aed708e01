using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>A confirmed place opens the lead's progress record in the learning phase (idempotent on redelivery).</summary>
public static class EnrolmentConfirmedHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentConfirmed confirmed, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<LeadProgress>(confirmed.EnrolmentId, ct) is not null) return MartenOps.Nothing();
        return MartenOps.Insert(new LeadProgress
        {
            Id = confirmed.EnrolmentId, SettingUrn = confirmed.SettingUrn, CohortId = confirmed.CohortId,
            Region = confirmed.Region, AcademicYear = confirmed.AcademicYear, Phase = ProgrammePhase.Learning,
            Open = true, OpenedAt = confirmed.OccurredAt, Phases = [new PhaseChange(ProgrammePhase.Learning, confirmed.OccurredAt)],
        });
    }
}
