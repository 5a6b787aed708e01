using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>
/// Keeps the track each setting chose, for the progress record the confirmation opens. Submissions arrive in
/// batches (ADR 0036): one transaction for all of them, the last of an enrolment's winning.
/// </summary>
public static class EnrolmentSubmittedHandler
{
    public static async Task Handle(EnrolmentSubmitted[] submissions, IDocumentSession session, CancellationToken ct)
    {
        var tracks = new Dictionary<Guid, string>();
        foreach (var submitted in submissions) tracks[submitted.EnrolmentId] = submitted.Track == Tracks.Short ? Tracks.Short : Tracks.Full;
        session.Store(tracks.Select(t => new EnrolmentTrack { Id = t.Key, Track = t.Value }).ToArray());
        // Should the confirmation have been handled first, the record takes the track now.
        foreach (var progress in await session.LoadManyAsync<LeadProgress>(ct, tracks.Keys))
        {
            if (!progress.Open || progress.Track == tracks[progress.Id]) continue;
            progress.Track = tracks[progress.Id];
            session.Store(progress);
        }
    }
}
