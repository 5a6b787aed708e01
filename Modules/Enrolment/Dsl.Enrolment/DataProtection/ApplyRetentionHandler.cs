using Dsl.Enrolment.Enrolments;
using Dsl.Enrolment.Placement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine.Attributes;

namespace Dsl.Enrolment.DataProtection;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

/// <summary>The daily retention run (durable, scheduled); sent unscheduled (null) on every start, which begins a new chain.</summary>
[MessageIdentity("dsl.enrolment.apply-retention.v1")]
public sealed record ApplyRetention(DateTimeOffset? ScheduledFor);

public static class ApplyRetentionHandler
{
    /// <summary>
    /// Erases, through the same path as an admin's request, every lead whose enrolment ended more than the retention
    /// period after the end of that academic year, then schedules the next day's run.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(ApplyRetention command, IDocumentSession session, TimeProvider clock,
        IOptions<EnrolmentOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var schedule = await session.LoadAsync<RetentionSchedule>(RetentionSchedule.TheId, ct) ?? new RetentionSchedule();
        if (command.ScheduledFor is { } scheduled && scheduled != schedule.NextRunAt) return messages;

        var now = clock.GetUtcNow();
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

        schedule.NextRunAt = Retention.NextRunAfter(now);
        schedule.LastRunAt = now;
        session.Store(schedule);
        messages.Schedule(new ApplyRetention(schedule.NextRunAt), schedule.NextRunAt);
        return messages;
    }
}

/// <summary>Starts the retention chain once the host (and Wolverine with it) has started.</summary>
public sealed class ApplyRetentionOnStart(IHostApplicationLifetime lifetime, IServiceScopeFactory scopes, ILogger<ApplyRetentionOnStart> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = StartChainAsync());
        return Task.CompletedTask;
    }

    private async Task StartChainAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new ApplyRetention(null));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not start the retention job; it starts again on the next start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
