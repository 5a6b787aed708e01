namespace Dsl.Awards.Standards;

/// <summary>Scheduled for a review's due date plus the grace period (durable, survives restarts).</summary>
/// <param name="ReviewDueAt">The due date it checks: a review since moved the date on, and this check is then void.</param>
public sealed record LapseStandardsSubscription(Guid SubscriptionId, DateTimeOffset ReviewDueAt);

/// <summary>A review overdue by the grace period lapses the subscription and publishes standards-lapsed (once).</summary>
public static class LapseStandardsSubscriptionHandler
{
    public static async Task<OutgoingMessages> Handle(LapseStandardsSubscription command, IDocumentSession session, TimeProvider clock,
        IOptions<StandardsOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var subscription = await session.LoadAsync<StandardsSubscription>(command.SubscriptionId, ct);
        if (subscription is not { Status: StandardsStatus.Active } || subscription.ReviewDueAt != command.ReviewDueAt) return messages;
        var now = clock.GetUtcNow();
        var lapsesAt = subscription.ReviewDueAt + options.Value.LapseAfter;
        if (now < lapsesAt)
        {
            messages.Schedule(command, lapsesAt);
            return messages;
        }
        subscription.Status = StandardsStatus.Lapsed;
        subscription.LapsedAt = now;
        var next = subscription.Version + 1;
        session.UpdateRevision(subscription, next);
        subscription.Version = next;
        messages.Add(new StandardsLapsed
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, Region = subscription.Region, SettingUrn = subscription.SettingUrn,
            SubscriptionId = subscription.Id, ReviewDueAt = subscription.ReviewDueAt, LapsedAt = now,
        });
        return messages;
    }
}
