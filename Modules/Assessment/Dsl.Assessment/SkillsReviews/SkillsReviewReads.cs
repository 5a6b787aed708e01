namespace Dsl.Assessment.SkillsReviews;

/// <summary>A rater's link as the lead sees it: its group and state, never the address or the answers.</summary>
public sealed record RaterInvitationView(Guid Id, RaterGroup Group, InvitationStatus Status, DateTimeOffset InvitedAt,
    DateTimeOffset ExpiresAt);

/// <param name="Answered">How many raters have answered so far (their answers are shown only in the report, after close).</param>
public sealed record SkillsReviewView(Guid Id, Guid EnrolmentId, SkillsReviewStage Stage, SkillsReviewStatus Status,
    DateTimeOffset OpenedAt, DateTimeOffset Deadline, DateTimeOffset? ClosedAt, Dictionary<string, int?> SelfRatings,
    DateTimeOffset? SelfSubmittedAt, IReadOnlyList<RaterInvitationView> Raters, int Answered);

internal static class SkillsReviewReads
{
    public static async Task<SkillsReviewView> View(SkillsReview review, IQuerySession session, CancellationToken ct)
    {
        var invitations = await session.Query<RaterInvitation>().Where(i => i.ReviewId == review.Id).OrderBy(i => i.InvitedAt).ToListAsync(ct);
        return new SkillsReviewView(review.Id, review.EnrolmentId, review.Stage, review.Status, review.OpenedAt, review.Deadline,
            review.ClosedAt, review.SelfRatings, review.SelfSubmittedAt,
            invitations.Select(i => new RaterInvitationView(i.Id, i.Group, i.Status, i.InvitedAt, i.ExpiresAt)).ToList(),
            invitations.Count(i => i.Status == InvitationStatus.Answered));
    }

    public static async Task<IResult> Ok(SkillsReview review, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        response.SetETag(review.Version);
        return TypedResults.Ok(await View(review, session, ct));
    }
}
