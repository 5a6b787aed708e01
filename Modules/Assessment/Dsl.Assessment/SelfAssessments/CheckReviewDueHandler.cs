using Dsl.Assessment.Enrolments;
using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.SelfAssessments;

/// <summary>Scheduled for the moment a review falls due (durable, so it survives restarts).</summary>
public sealed record CheckReviewDue(Guid EnrolmentId, DateTimeOffset Due);

/// <summary>A review still not submitted when due flags the enrolment at risk (reviewOverdue), once.</summary>
public static class CheckReviewDueHandler
{
    public const string ReviewOverdue = "reviewOverdue";

    public static async Task<(IMartenOp, OutgoingMessages)> Handle(CheckReviewDue check, IDocumentSession session, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var enrolment = await session.LoadAsync<AssessedEnrolment>(check.EnrolmentId, ct);
        if (enrolment is null || enrolment.Withdrawn || enrolment.ReviewOverdue || enrolment.NextReviewDue != check.Due)
            return (MartenOps.Nothing(), messages); // submitted since, or already flagged
        enrolment.ReviewOverdue = true;
        messages.Add(new FlagEnrolmentAtRisk(enrolment.Id, ReviewOverdue));
        return (MartenOps.Store(enrolment), messages);
    }
}
