namespace Dsl.Assessment.ActionPlans;

public static class GetActionPlanEndpoint
{
    /// <summary>
    /// The action plan with its actions, notes, comments and revisions (the setting's head or lead, the cohort's
    /// facilitator, an assessor of an open award application, or admin).
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/action-plans/{id}", OperationId = "GetActionPlan")]
    [Tags(ApiTags.Assessment)]
    [AuditedRead("actionPlan")]
    [EndpointSummary("Get an action plan")]
    [ProducesResponseType<ActionPlan>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response,
        CancellationToken ct)
    {
        var plan = await ActionPlanReads.Readable(id, user, session, ct);
        if (plan is null) return Results.Problem(ActionPlanReads.NotFound(id));
        response.SetETag(plan.Version);
        AccessAudit.RecordIsAbout(response, plan.EnrolmentId);
        return TypedResults.Ok(plan);
    }
}
