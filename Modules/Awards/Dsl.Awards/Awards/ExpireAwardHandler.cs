namespace Dsl.Awards.Awards;

/// <summary>Scheduled for the award's validUntil when it is granted (a durable message, so it survives restarts).</summary>
public sealed record ExpireAward(Guid AwardId);

/// <summary>An active award reaching its validUntil becomes expired and award-expired is published (once).</summary>
public static class ExpireAwardHandler
{
    public static async Task<OutgoingMessages> Handle(ExpireAward command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var award = await session.LoadAsync<Award>(command.AwardId, ct);
        if (award is not { Status: AwardStatus.Active }) return messages; // revoked, or expired already
        var now = clock.GetUtcNow();
        if (now < award.ValidUntil)
        {
            // Early (a clock behind the scheduler's): look again when it is due.
            messages.Schedule(command, award.ValidUntil);
            return messages;
        }
        award.Status = AwardStatus.Expired;
        session.Store(award);
        messages.Add(award.About(new AwardExpired(), now));
        return messages;
    }
}
