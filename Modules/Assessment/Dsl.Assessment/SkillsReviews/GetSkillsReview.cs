namespace Dsl.Assessment.SkillsReviews;

public static class GetSkillsReviewEndpoint
{
    /// <summary>
    /// A management-skills review: the lead's own ratings and the raters' links by group and state (never an address,
    /// never whose answer is whose). The lead, their coach, or an admin; anyone else 404.
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [AuditedRead("skillsReview")]
    [WolverineGet("/api/assessment/skills-reviews/{id}", OperationId = "GetSkillsReview")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get a management-skills review")]
    [ProducesResponseType<SkillsReviewView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { } found) return Results.Problem(SkillsReviewAccess.NotFound(id));
        AccessAudit.RecordIsAbout(response, found.Review.EnrolmentId);
        return await SkillsReviewReads.Ok(found.Review, session, response, ct);
    }
}
