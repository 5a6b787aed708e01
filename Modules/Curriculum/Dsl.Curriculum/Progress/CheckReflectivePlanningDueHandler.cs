using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>A lead still in learning or reflective/planning once embedding was due is flagged at risk (once).</summary>
public static class CheckReflectivePlanningDueHandler
{
    public const string Reason = "reflectivePlanningOverdue";

    public static async Task<OutgoingMessages> Handle(CheckReflectivePlanningDue check, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var progress = await session.LoadAsync<LeadProgress>(check.EnrolmentId, ct);
        var now = clock.GetUtcNow();
        if (!SweepReflectivePlanningDueHandler.IsOverdue(progress, now)) return messages;
        progress!.FlaggedOverdueAt = now;
        session.Store(progress);
        messages.Add(new FlagEnrolmentAtRisk(progress.Id, Reason));
        return messages;
    }
}
