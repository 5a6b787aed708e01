using Dsl.Assessment.SelfAssessments;
using Dsl.Curriculum.Contracts;

namespace Dsl.Assessment.Enrolments;

/// <summary>In embedding the setting reviews its self-assessment at least termly: the clock starts here.</summary>
public static class LeadProgressedHandler
{
    public static async Task<(IMartenOp, OutgoingMessages)> Handle(LeadProgressed progressed, IDocumentSession session,
        IOptions<AssessmentOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var enrolment = await session.LoadAsync<AssessedEnrolment>(progressed.EnrolmentId, ct);
        if (enrolment is null || progressed.Phase != ProgrammePhase.Embedding || enrolment.InEmbedding)
            return (MartenOps.Nothing(), messages);
        enrolment.InEmbedding = true;
        ReviewSchedule.Next(enrolment, enrolment.LastSubmittedAt ?? progressed.OccurredAt, options.Value.ReviewInterval, messages);
        return (MartenOps.Store(enrolment), messages);
    }
}
