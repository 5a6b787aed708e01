namespace Dsl.Curriculum.Progress;

/// <summary>The embedding period's end: completes the lead if the review and the sign-offs are in too.</summary>
public static class CheckEmbeddingCompletionHandler
{
    public static async Task<OutgoingMessages> Handle(CheckEmbeddingCompletion check, IDocumentSession session,
        TimeProvider clock, IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var progress = await session.LoadAsync<LeadProgress>(check.EnrolmentId, ct);
        if (progress is not { Open: true }) return messages;
        var phase = progress.Phase;
        ProgressFlow.Advance(progress, await ProgressFlow.EvidenceAsync(session, progress.Id, ct), clock.GetUtcNow(), options.Value, messages);
        if (progress.Phase != phase) session.Store(progress);
        return messages;
    }
}
