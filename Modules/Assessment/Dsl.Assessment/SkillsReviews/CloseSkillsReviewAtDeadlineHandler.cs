namespace Dsl.Assessment.SkillsReviews;

/// <summary>Closes a review still open when its deadline passes; runs from the scheduled message, so it survives restarts.</summary>
public static class CloseSkillsReviewAtDeadlineHandler
{
    public static async Task<OutgoingMessages> Handle(CloseSkillsReviewAtDeadline command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var review = await session.LoadAsync<SkillsReview>(command.ReviewId, ct);
        if (review is not { Status: SkillsReviewStatus.Open }) return messages; // closed by the lead already
        await SkillsReviewClosing.CloseAsync(review, session, clock.GetUtcNow(), messages, ct);
        session.UpdateRevision(review, review.Version + 1);
        return messages;
    }
}
