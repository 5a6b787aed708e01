using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.Enrolments;

/// <summary>A withdrawn enrolment keeps its records but no review falls due any more.</summary>
public static class EnrolmentWithdrawnHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentWithdrawn withdrawn, IDocumentSession session, CancellationToken ct)
    {
        var enrolment = await session.LoadAsync<AssessedEnrolment>(withdrawn.EnrolmentId, ct);
        if (enrolment is null || enrolment.Withdrawn) return MartenOps.Nothing();
        enrolment.Withdrawn = true;
        enrolment.NextReviewDue = null;
        return MartenOps.Store(enrolment);
    }
}
