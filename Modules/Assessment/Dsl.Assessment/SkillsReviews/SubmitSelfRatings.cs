namespace Dsl.Assessment.SkillsReviews;

public static class SubmitSelfRatingsEndpoint
{
    /// <summary>
    /// Submits the lead's own ratings: every statement of the framework answered (a rating, or null for cannot say).
    /// The lead, or an admin acting for them; If-Match optional. Submitted ratings do not change.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/skills-reviews/{id}/self-ratings/submit", OperationId = "SubmitSelfRatings")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Submit your own ratings")]
    [ProducesResponseType<SkillsReviewView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { Relation: ReviewRelation.Lead or ReviewRelation.Admin } found)
            return Results.Problem(SkillsReviewAccess.NotFound(id));
        var review = found.Review;
        if (review.Status == SkillsReviewStatus.Closed || review.SelfSubmittedAt is not null)
            return Results.Problem(Problems.Conflict("Your ratings were already submitted or the review is closed."));
        if (ifMatch is not null && ETags.CheckIfMatch(ifMatch, review.Version) is { } stale) return Results.Problem(stale);
        var missing = (await StatementCodes.AllAsync(session, ct)).Where(code => !review.SelfRatings.ContainsKey(code)).Order().ToList();
        if (missing.Count > 0)
            return Results.Problem(Problems.Validation(missing.ToDictionary(code => $"selfRatings.{code}",
                _ => new[] { "Rate this statement (or answer null: cannot say)." })));
        review.SelfSubmittedAt = clock.GetUtcNow();
        session.UpdateToNextRevision(review, response);
        return TypedResults.Ok(await SkillsReviewReads.View(review, session, ct));
    }
}
