namespace Dsl.Assessment.SkillsReviews;

/// <summary>Finds the invitation behind a rater's link and says why it no longer opens.</summary>
internal static class RaterInvitations
{
    public static async Task<(RaterInvitation Invitation, SkillsReview Review)?> FindAsync(string token, IQuerySession session, CancellationToken ct)
    {
        if (token.Length is < 40 or > 100) return null;
        var hash = RaterTokens.HashOf(token);
        var invitation = await session.Query<RaterInvitation>().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null || invitation.Status == InvitationStatus.Revoked) return null;
        var review = await session.LoadAsync<SkillsReview>(invitation.ReviewId, ct);
        return review is null ? null : (invitation, review);
    }

    /// <summary>404 unknown or revoked (the same, so links cannot be probed), 409 already answered, 410 expired or closed.</summary>
    public static ProblemDetails? Refusal((RaterInvitation Invitation, SkillsReview Review)? found, DateTimeOffset now) => found switch
    {
        null => Problems.NotFound("There is no questionnaire at this address."),
        ({ Status: InvitationStatus.Answered }, _) => Problems.Conflict("This questionnaire has already been answered; thank you."),
        (_, { Status: SkillsReviewStatus.Closed }) => Problems.Gone("The review has closed."),
        var (invitation, _) when invitation.ExpiresAt <= now => Problems.Gone("This link has expired."),
        _ => null,
    };
}
