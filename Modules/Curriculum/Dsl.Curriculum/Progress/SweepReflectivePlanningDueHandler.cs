using Dsl.BuildingBlocks.Messaging;
using Dsl.Curriculum.Contracts;
using Wolverine.Attributes;

namespace Dsl.Curriculum.Progress;

/// <summary>The daily look for leads who should have reached embedding by now (ADR 0041).</summary>
[MessageIdentity("dsl.curriculum.sweep-reflective-planning-due.v1")]
public sealed record SweepReflectivePlanningDue(DateTimeOffset? ScheduledFor = null, Guid? Chain = null) : IDailyRun;

public static class SweepReflectivePlanningDueHandler
{
    public const string Job = "reflective-planning-due";

    /// <summary>Open, not yet flagged, still in learning or reflective/planning, and embedding was due by <paramref name="now"/>.</summary>
    public static bool IsOverdue(LeadProgress? progress, DateTimeOffset now) =>
        progress is { Open: true, FlaggedOverdueAt: null, EmbeddingDueBy: { } due }
        && progress.Phase is ProgrammePhase.Learning or ProgrammePhase.ReflectivePlanning
        && due <= now;

    /// <summary>
    /// Sends a <see cref="CheckReflectivePlanningDue"/> for every lead overdue: each check decides on the record as it
    /// is then, so a lead moved on since this query, or a run on another node, is flagged at most once.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(SweepReflectivePlanningDue run, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var now = clock.GetUtcNow();
        if (await DailyRuns.CurrentAsync(session, Job, run, now, ct) is not { } schedule) return messages;

        var overdue = await session.Query<LeadProgress>()
            .Where(p => p.Open && p.FlaggedOverdueAt == null && p.EmbeddingDueBy <= now
                        && (p.Phase == ProgrammePhase.Learning || p.Phase == ProgrammePhase.ReflectivePlanning))
            .Select(p => p.Id)
            .ToListAsync(ct);
        foreach (var id in overdue) messages.Add(new CheckReflectivePlanningDue(id));

        schedule.ScheduleNext(session, run, now, messages, (next, chain) => new SweepReflectivePlanningDue(next, chain));
        return messages;
    }
}
