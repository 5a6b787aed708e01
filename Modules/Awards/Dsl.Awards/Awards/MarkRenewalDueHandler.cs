using Dsl.Awards.Eligibility;

namespace Dsl.Awards.Awards;

/// <summary>Scheduled for ninety days before the award's validUntil when it is granted (durable, survives restarts).</summary>
public sealed record MarkRenewalDue(Guid AwardId);

/// <summary>An active award ninety days from expiry publishes renewal-due (once): the setting may apply to renew.</summary>
public static class MarkRenewalDueHandler
{
    public static async Task<OutgoingMessages> Handle(MarkRenewalDue command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var award = await session.LoadAsync<Award>(command.AwardId, ct);
        if (award is not { Status: AwardStatus.Active, RenewalDuePublished: false }) return messages;
        var due = award.ValidUntil.AddDays(-(AwardCriteria.Find(award.CriteriaVersion) ?? AwardCriteria.Current).RenewalDueDays);
        var now = clock.GetUtcNow();
        if (now < due)
        {
            messages.Schedule(command, due);
            return messages;
        }
        award.RenewalDuePublished = true;
        session.Store(award);
        messages.Add(award.About(new RenewalDue(), now));
        return messages;
    }
}
