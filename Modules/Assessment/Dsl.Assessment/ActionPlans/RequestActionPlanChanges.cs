namespace Dsl.Assessment.ActionPlans;

public static class RequestActionPlanChangesEndpoint
{
    /// <summary>The cohort's facilitator (or an admin) sends a submitted plan back with comments; the setting changes and resubmits it.</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/assessment/action-plans/{id}/request-changes", OperationId = "RequestActionPlanChanges")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Request changes to an action plan")]
    [ProducesResponseType<ActionPlan>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, ReviewActionPlan command, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Comments))
            return Results.Problem(Problems.Invalid("comments", "Say what should change."));
        var (plan, problem) = await ActionPlanReview.Load(id, user, session, ct);
        if (plan is null) return Results.Problem(problem!);
        plan.Status = ActionPlanStatus.ChangesRequested;
        plan.Comments.Add(new PlanComment(clock.GetUtcNow(), "changesRequested", command.Comments.Trim()));
        session.UpdateToNextRevision(plan, response);
        return TypedResults.Ok(plan);
    }
}
