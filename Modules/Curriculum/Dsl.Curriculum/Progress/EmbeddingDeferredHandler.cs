using Dsl.Curriculum.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>A setting deferred embedding (dsl.enrolment.embedding-deferred.v1): the lead is on the short track from now on.</summary>
public static class EmbeddingDeferredHandler
{
    public static async Task<OutgoingMessages> Handle(Dsl.Enrolment.Contracts.EmbeddingDeferred deferred, IDocumentSession session,
        TimeProvider clock, IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var progress = await session.LoadAsync<LeadProgress>(deferred.EnrolmentId, ct);
        if (progress is not { Open: true } || progress.Track == Tracks.Short) return messages;
        progress.Track = Tracks.Short;
        ProgressFlow.Advance(progress, await ProgressFlow.EvidenceAsync(session, progress.Id, ct), clock.GetUtcNow(), options.Value, messages);
        session.Store(progress);
        return messages;
    }
}
