using System.Text.Json.Serialization;
using Wolverine.Attributes;
using Dsl.BuildingBlocks.Contracts;
using Dsl.Curriculum.Certificates;
using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Progress;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Enrolments;

/// <summary>
/// One of the facts Curriculum takes from Enrolment: a submission (the track the setting chose), a confirmation (the
/// lead's progress record opens) or the lead's name (for the certificate). Enrolment's messages become these as they
/// are sent, so Curriculum takes them in batches, in the order they were sent, from one sequential queue (ADR 0038):
/// a submission is never handled beside its own confirmation.
/// </summary>
[MessageIdentity("dsl.curriculum.enrolment-update.v1")]
[CarriesPersonalData] // the lead's name
public sealed record CurriculumEnrolmentUpdate(EnrolmentSubmitted? Submitted = null, EnrolmentConfirmed? Confirmed = null, LeadNamed? Named = null)
{
    public const string Queue = "curriculum-enrolments";

    [JsonIgnore]
    public Guid EnrolmentId => Submitted?.EnrolmentId ?? Confirmed?.EnrolmentId ?? Named!.EnrolmentId;

    [JsonIgnore]
    public string Region => Submitted?.Region ?? Confirmed?.Region ?? Named!.Region;
}

/// <summary>
/// A batch of updates in one transaction: the records they touch read in one round trip, each update applied in turn
/// to what the ones before it left, each written once. Every update is idempotent, so a batch may run again.
/// </summary>
public static class CurriculumEnrolmentUpdatesHandler
{
    public static async Task Handle(CurriculumEnrolmentUpdate[] updates, IDocumentSession session,
        IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var ids = updates.Select(u => u.EnrolmentId).Distinct().ToArray();
        var query = session.CreateBatchQuery();
        var progressRead = query.LoadMany<LeadProgress>().ById(ids);
        var tracksRead = query.LoadMany<EnrolmentTrack>().ById(ids);
        await query.Execute(ct);
        var progress = (await progressRead).ToDictionary(p => p.Id);
        var tracks = (await tracksRead).ToDictionary(t => t.Id);

        var kept = new Dictionary<Guid, EnrolmentTrack>();
        var opened = new HashSet<Guid>();
        var changed = new HashSet<Guid>();
        var names = new Dictionary<Guid, LeadCertificateName>();
        foreach (var update in updates)
        {
            if (update.Submitted is { } submitted)
            {
                var track = submitted.Track == Tracks.Short ? Tracks.Short : Tracks.Full;
                tracks[submitted.EnrolmentId] = kept[submitted.EnrolmentId] = new EnrolmentTrack { Id = submitted.EnrolmentId, Track = track };
                // Should the confirmation have come first, the record takes the track now.
                if (progress.GetValueOrDefault(submitted.EnrolmentId) is { Open: true } record && record.Track != track)
                {
                    record.Track = track;
                    changed.Add(record.Id);
                }
            }
            if (update.Confirmed is { } confirmed && !progress.ContainsKey(confirmed.EnrolmentId))
            {
                // When the lead should have reached embedding: the daily sweep flags them after (ADR 0041).
                var due = confirmed.OccurredAt + options.Value.ReflectivePlanningDue;
                progress[confirmed.EnrolmentId] = Open(confirmed, tracks.GetValueOrDefault(confirmed.EnrolmentId), due);
                opened.Add(confirmed.EnrolmentId);
            }
            if (update.Named is { } named)
                names[named.EnrolmentId] = new LeadCertificateName { Id = named.EnrolmentId, LeadName = named.LeadName, SettingName = named.SettingName };
        }

        foreach (var track in kept.Values) session.Store(track);
        foreach (var id in opened) session.Insert(progress[id]);
        foreach (var id in changed.Except(opened)) session.Store(progress[id]);
        foreach (var name in names.Values) session.Store(name);
    }

    /// <summary>A confirmed place opens the lead's progress record in the learning phase, with the track chosen at submission.</summary>
    private static LeadProgress Open(EnrolmentConfirmed confirmed, EnrolmentTrack? track, DateTimeOffset embeddingDueBy) => new()
    {
        Id = confirmed.EnrolmentId, SettingUrn = confirmed.SettingUrn, CohortId = confirmed.CohortId,
        Region = confirmed.Region, AcademicYear = confirmed.AcademicYear, Phase = ProgrammePhase.Learning,
        Open = true, OpenedAt = confirmed.OccurredAt, Phases = [new PhaseChange(ProgrammePhase.Learning, confirmed.OccurredAt)],
        Track = track?.Track == Tracks.Short ? Tracks.Short : Tracks.Full, EmbeddingDueBy = embeddingDueBy,
    };
}
