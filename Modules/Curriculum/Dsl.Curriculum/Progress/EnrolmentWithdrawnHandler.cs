using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Progress;

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
