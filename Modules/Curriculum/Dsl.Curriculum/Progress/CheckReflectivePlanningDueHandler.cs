using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>A lead still in learning or reflective/planning when embedding was due is flagged at risk (once).</summary>
public static class CheckReflectivePlanningDueHandler
{
    public const string Reason = "reflectivePlanningOverdue";

    public static async Task<OutgoingMessages> Handle(CheckReflectivePlanningDue check, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var progress = await session.LoadAsync<LeadProgress>(check.EnrolmentId, ct);
        if (progress is not { Open: true, FlaggedOverdueAt: null }
            || progress.Phase is not (ProgrammePhase.Learning or ProgrammePhase.ReflectivePlanning)) return messages;
        progress.FlaggedOverdueAt = clock.GetUtcNow();
        session.Store(progress);
        messages.Add(new FlagEnrolmentAtRisk(progress.Id, Reason));
        return messages;
    }
}
