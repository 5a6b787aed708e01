using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.Placement;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Enrolments;

/// <summary>The daily look for leads who have gone quiet (ADR 0041), instead of a check scheduled for every confirmation.</summary>
[MessageIdentity("dsl.enrolment.sweep-inactive.v1")]
public sealed record SweepInactiveEnrolments(DateTimeOffset? ScheduledFor) : IDailyRun;

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
        if (await DailyRuns.CurrentAsync(session, Job, run, ct) is not { } schedule) return messages;

        var now = clock.GetUtcNow();
        var quietSince = now - options.Value.InactivityPeriod;
        var quiet = await session.Query<Enrolment>()
            .Where(e => e.Status == EnrolmentStatus.Confirmed && !e.AtRisk && e.LastActivityAt <= quietSince)
            .Select(e => e.Id)
            .ToListAsync(ct);
        foreach (var id in quiet) messages.Add(new CheckEnrolmentActivity(id));

        schedule.ScheduleNext(session, now, messages, next => new SweepInactiveEnrolments(next));
        return messages;
    }
}
