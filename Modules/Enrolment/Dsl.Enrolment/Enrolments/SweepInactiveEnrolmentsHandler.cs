using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.Placement;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Enrolments;

/// <summary>The daily look for leads who have gone quiet (ADR 0041), instead of a check scheduled for every confirmation.</summary>
[MessageIdentity("dsl.enrolment.sweep-inactive.v1")]
public sealed record SweepInactiveEnrolments(DateTimeOffset? ScheduledFor = null, Guid? Chain = null) : IDailyRun;

public static class SweepInactiveEnrolmentsHandler
{
    public const string Job = "inactivity";

    /// <summary>
    /// Sends a <see cref="CheckEnrolmentActivity"/> for every confirmed enrolment not yet at risk with nothing on it for
    /// the inactivity period: each check decides on the enrolment as it is then, in its own stream write, so a lead
    /// active since this query, or a run on another node, marks nobody twice.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(SweepInactiveEnrolments run, IDocumentSession session, TimeProvider clock,
        IOptions<EnrolmentOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var now = clock.GetUtcNow();
        if (await DailyRuns.CurrentAsync(session, Job, run, now, ct) is not { } schedule) return messages;

        var quietSince = now - options.Value.InactivityPeriod;
        var quiet = await session.Query<Enrolment>()
            .Where(e => e.Status == EnrolmentStatus.Confirmed && !e.AtRisk && e.LastActivityAt <= quietSince)
            .Select(e => e.Id)
            .ToListAsync(ct);
        foreach (var id in quiet) messages.Add(new CheckEnrolmentActivity(id));

        schedule.ScheduleNext(session, run, now, messages, (next, chain) => new SweepInactiveEnrolments(next, chain));
        return messages;
    }
}
