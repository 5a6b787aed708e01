using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>Keeps the track the setting chose, for the progress record the confirmation opens.</summary>
public static class EnrolmentSubmittedHandler
{
    public static async Task Handle(EnrolmentSubmitted submitted, IDocumentSession session, CancellationToken ct)
    {
        var track = submitted.Track == Tracks.Short ? Tracks.Short : Tracks.Full;
        session.Store(new EnrolmentTrack { Id = submitted.EnrolmentId, Track = track });
        // Should the confirmation have been handled first, the record takes the track now.
        if (await session.LoadAsync<LeadProgress>(submitted.EnrolmentId, ct) is { Open: true } progress && progress.Track != track)
        {
            progress.Track = track;
            session.Store(progress);
        }
    }
}
