using Dsl.Curriculum.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>A lead who completed the full programme (embedding included) makes the setting's first criterion met.</summary>
public static class ProgrammeCompletedHandler
{
    public static async Task Handle(ProgrammeCompleted completed, IDocumentSession session, CancellationToken ct)
    {
        if (completed.Track != Tracks.Full) return;
        if (await Journeys.OfEnrolmentAsync(session, completed.EnrolmentId, ct) is not { } journey) return;
        journey.EmbeddingCompletedAt ??= completed.OccurredAt;
        session.Store(journey);
    }
}
