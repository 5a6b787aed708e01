using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>
/// A confirmed place opens the lead's progress record in the learning phase (idempotent on redelivery), with the
/// track chosen at submission, and schedules the check that the lead reaches embedding in time.
/// </summary>
public static class EnrolmentConfirmedHandler
{
    public static async Task<(IMartenOp, OutgoingMessages)> Handle(EnrolmentConfirmed confirmed, IDocumentSession session,
        IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (await session.LoadAsync<LeadProgress>(confirmed.EnrolmentId, ct) is not null) return (MartenOps.Nothing(), messages);
        var track = await session.LoadAsync<EnrolmentTrack>(confirmed.EnrolmentId, ct);
        var due = confirmed.OccurredAt + options.Value.ReflectivePlanningDue;
        messages.Schedule(new CheckReflectivePlanningDue(confirmed.EnrolmentId), due);
        return (MartenOps.Insert(new LeadProgress
        {
            Id = confirmed.EnrolmentId, SettingUrn = confirmed.SettingUrn, CohortId = confirmed.CohortId,
            Region = confirmed.Region, AcademicYear = confirmed.AcademicYear, Phase = ProgrammePhase.Learning,
            Open = true, OpenedAt = confirmed.OccurredAt, Phases = [new PhaseChange(ProgrammePhase.Learning, confirmed.OccurredAt)],
            Track = track?.Track == Tracks.Short ? Tracks.Short : Tracks.Full, EmbeddingDueBy = due,
        }), messages);
    }
}
