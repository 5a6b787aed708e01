using Dsl.Assessment.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>Assessment reports a self-assessment: a baseline counts for reflective/planning, a review for embedding.</summary>
public static class SelfAssessmentSubmittedHandler
{
    public static async Task<OutgoingMessages> Handle(SelfAssessmentSubmitted submitted, IDocumentSession session,
        TimeProvider clock, IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var progress = await session.LoadAsync<LeadProgress>(submitted.EnrolmentId, ct);
        if (progress is null) return messages;
        if (submitted.Kind == SelfAssessmentKind.Baseline) progress.BaselineSubmittedAt ??= submitted.SubmittedAt;
        else if (!progress.ReviewsSubmittedAt.Contains(submitted.SubmittedAt)) progress.ReviewsSubmittedAt.Add(submitted.SubmittedAt);
        ProgressFlow.Advance(progress, await ProgressFlow.EvidenceAsync(session, progress.Id, ct), clock.GetUtcNow(), options.Value, messages);
        session.Store(progress);
        return messages;
    }
}
