namespace Dsl.Assessment.SkillsReviews;

public static class CloseSkillsReviewEndpoint
{
    /// <summary>
    /// Closes the review (the lead, or an admin acting for them; If-Match optional) once the lead has submitted their
    /// own ratings: the report is computed then, from the answers in hand, and raters' answers and addresses are
    /// deleted. Closing an end review with a development plan publishes dsl.assessment.skills-review-completed.v1.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/skills-reviews/{id}/close", OperationId = "CloseSkillsReview")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Close a management-skills review")]
    [ProducesResponseType<SkillsReviewView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Post(Guid id, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { Relation: ReviewRelation.Lead or ReviewRelation.Admin } found)
            return (Results.Problem(SkillsReviewAccess.NotFound(id)), messages);
        var review = found.Review;
        if (review.Status == SkillsReviewStatus.Closed) return (Results.Problem(Problems.Conflict("The review is already closed.")), messages);
        if (review.SelfSubmittedAt is null)
            return (Results.Problem(Problems.Conflict("Submit your own ratings before closing the review.")), messages);
        if (ifMatch is not null && ETags.CheckIfMatch(ifMatch, review.Version) is { } stale) return (Results.Problem(stale), messages);
        await SkillsReviewClosing.CloseAsync(review, session, clock.GetUtcNow(), messages, ct);
        session.UpdateToNextRevision(review, response);
        return (TypedResults.Ok(await SkillsReviewReads.View(review, session, ct)), messages);
    }
}
