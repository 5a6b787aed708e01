using Dsl.Assessment.SkillsReviews;

namespace Dsl.Assessment.Coaching;

public static class GetCoachingSessionsEndpoint
{
    /// <summary>
    /// The review's coaching sessions, oldest first: in full for the lead and their coach; for an admin only the date
    /// and minutes. Anyone else (a head, another facilitator) 404.
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [AuditedRead("coachingSessions")]
    [WolverineGet("/api/assessment/skills-reviews/{id}/coaching-sessions", OperationId = "GetCoachingSessions")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("List a review's coaching sessions")]
    [ProducesResponseType<IReadOnlyList<CoachingSessionView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { } found) return Results.Problem(SkillsReviewAccess.NotFound(id));
        AccessAudit.RecordIsAbout(response, found.Review.EnrolmentId);
        var sessions = await session.Query<CoachingSession>().Where(s => s.ReviewId == id).OrderBy(s => s.Date).ToListAsync(ct);
        var withContent = found.Relation is ReviewRelation.Lead or ReviewRelation.Coach;
        return TypedResults.Ok(sessions.Select(s => CoachingSessionView.Of(s, withContent)).ToList());
    }
}
