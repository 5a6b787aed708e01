using Dsl.Assessment.Framework;

namespace Dsl.Assessment.ActionPlans;

public static class SubmitActionPlanEndpoint
{
    /// <summary>
    /// Submits the plan for the facilitator's agreement (the setting's lead or head, or an admin acting for it). Every element needs an action or
    /// a reason why none is needed, and every action an owner, a due date and a stakeholder: a 400 names each gap.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/action-plans/{id}/submit", OperationId = "SubmitActionPlan")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Submit an action plan")]
    [ProducesResponseType<ActionPlan>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var (plan, problem) = await ActionPlanReads.Writable(id, user, "*", session, ct);
        if (plan is null) return Results.Problem(problem!);
        if (plan.Status is ActionPlanStatus.Submitted or ActionPlanStatus.Agreed)
            return Results.Problem(Problems.Conflict($"The plan is already {(plan.Status == ActionPlanStatus.Agreed ? "agreed" : "submitted")}."));
        var gaps = ActionPlanRules.SubmitGaps(plan, SeedSelfAssessmentFramework.ElementCodes);
        if (gaps.Count > 0) return Results.Problem(Problems.Validation(gaps));
        plan.Status = ActionPlanStatus.Submitted;
        plan.SubmittedAt = clock.GetUtcNow();
        session.UpdateToNextRevision(plan, response);
        return TypedResults.Ok(plan);
    }
}
