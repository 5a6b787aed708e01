using Dsl.Assessment.SkillsReviews;

namespace Dsl.Assessment.DevelopmentPlans;

public static class GetDevelopmentPlanEndpoint
{
    /// <summary>The lead's personal development plan (the lead, their coach or an admin); an empty plan before the first item.</summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [AuditedRead("developmentPlan")]
    [WolverineGet("/api/assessment/skills-reviews/{id}/development-plan", OperationId = "GetDevelopmentPlan")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get the lead's development plan")]
    [ProducesResponseType<DevelopmentPlan>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { } found) return Results.Problem(SkillsReviewAccess.NotFound(id));
        AccessAudit.RecordIsAbout(response, found.Review.EnrolmentId);
        var plan = await session.LoadAsync<DevelopmentPlan>(found.Review.EnrolmentId, ct) ?? new DevelopmentPlan { Id = found.Review.EnrolmentId };
        response.SetETag(plan.Version);
        return TypedResults.Ok(plan);
    }
}
