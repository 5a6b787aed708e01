using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.Enrolments;
using Dsl.Enrolment.Placement;
using Wolverine.Attributes;

namespace Dsl.Enrolment.DataProtection;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

/// <summary>The daily retention run (ADR 0041).</summary>
[MessageIdentity("dsl.enrolment.apply-retention.v1")]
public sealed record ApplyRetention(DateTimeOffset? ScheduledFor = null, Guid? Chain = null) : IDailyRun;

public static class ApplyRetentionHandler
{
    public const string Job = "retention";

    /// <summary>
    /// Erases, through the same path as an admin's request, every lead whose enrolment ended more than the retention
    /// period after the end of that academic year, then schedules the next day's run.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(ApplyRetention command, IDocumentSession session, TimeProvider clock,
        IOptions<EnrolmentOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var now = clock.GetUtcNow();
        if (await DailyRuns.CurrentAsync(session, Job, command, now, ct) is not { } schedule) return messages;

        var ended = await session.Query<Enrolment>()
            .Where(e => (e.Status == EnrolmentStatus.Withdrawn || e.Status == EnrolmentStatus.Completed) && e.LeadErasure == null)
            .ToListAsync(ct);
        foreach (var enrolment in ended.Where(e => Retention.IsDue(e, now, options.Value.RetentionYears)))
        {
            var requestId = Guid.CreateVersion7(now);
            session.Store(new ErasureRecord
            {
                Id = requestId, EnrolmentId = enrolment.Id, RecordedAt = now, RequestedOn = DateOnly.FromDateTime(now.UtcDateTime),
                RecordedBy = "retention", Reason = $"retention period ({options.Value.RetentionYears} years after the academic year the enrolment ended) over",
            });
            var (_, events, erasure) = EraseLeadEndpoint.Erase(enrolment, requestId, now);
            session.Events.Append(enrolment.Id, events.ToArray());
            foreach (var message in erasure) messages.Add(message);
        }

        schedule.ScheduleNext(session, command, now, messages, (next, chain) => new ApplyRetention(next, chain));
        return messages;
    }
}
