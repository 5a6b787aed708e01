using Dsl.Curriculum.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>A lead who completed the full programme (embedding included) meets the award's first criterion; a short track does not.</summary>
public static class ProgrammeCompletedHandler
{
    public static IMartenOp Handle(ProgrammeCompleted completed) => completed.Track == Tracks.Full
        ? MartenOps.Store(new EmbeddingCompletion { Id = completed.EnrolmentId, CompletedAt = completed.OccurredAt })
        : MartenOps.Nothing();
}
