using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Contracts;
using Marten;
using Wolverine.Marten;

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

/// <summary>A withdrawal closes the lead's progress record; the record stays for the programme's reports.</summary>
public static class EnrolmentWithdrawnHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentWithdrawn withdrawn, IDocumentSession session, CancellationToken ct)
    {
        var progress = await session.LoadAsync<LeadProgress>(withdrawn.EnrolmentId, ct);
        if (progress is not { Open: true }) return MartenOps.Nothing();
        progress.Open = false;
        progress.ClosedAt = withdrawn.OccurredAt;
        return MartenOps.Store(progress);
    }
}

/// <summary>A transfer moves the record to the new cohort.</summary>
public static class EnrolmentTransferredHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentTransferred transferred, IDocumentSession session, CancellationToken ct)
    {
        var progress = await session.LoadAsync<LeadProgress>(transferred.EnrolmentId, ct);
        if (progress is null) return MartenOps.Nothing();
        progress.CohortId = transferred.CohortId;
        progress.AcademicYear = transferred.AcademicYear;
        return MartenOps.Store(progress);
    }
}
