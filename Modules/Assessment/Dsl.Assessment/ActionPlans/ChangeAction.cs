namespace Dsl.Assessment.ActionPlans;

/// <summary>The fields to change; omitted fields keep their value. Status and notes change freely after agreement.</summary>
public sealed record ChangeAction(string? Description, ActionOwner? Owner, List<Stakeholder>? Stakeholders, DateOnly? DueOn,
    string? SuccessMeasure, ActionStatus? Status)
{
    public sealed class Validator : AbstractValidator<ChangeAction>
    {
        public Validator()
        {
            RuleFor(x => x.Description).NotEmpty().MaximumLength(2000).When(x => x.Description is not null);
            RuleFor(x => x.SuccessMeasure).MaximumLength(1000);
            RuleFor(x => x.Owner!).SetValidator(new OwnerValidator()).When(x => x.Owner is not null);
            RuleForEach(x => x.Stakeholders).SetValidator(new StakeholderValidator());
        }
    }
}

public static class ChangeActionEndpoint
{
    /// <summary>
    /// Changes an action (the setting's lead or head, or an admin acting for it; the plan's ETag in If-Match). Dropping an action after the plan
    /// was agreed records a revision.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePatch("/api/assessment/action-plans/{id}/actions/{actionId}", OperationId = "ChangePlanAction")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Change an action in an action plan")]
    [ProducesResponseType<PlanAction>(StatusCodes.Status200OK)]
    public static async Task<IResult> Patch(Guid id, Guid actionId, ChangeAction command, ClaimsPrincipal user,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var (plan, problem) = await ActionPlanReads.Writable(id, user, ifMatch, session, ct);
        if (plan is null) return Results.Problem(problem!);
        var action = plan.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null) return Results.Problem(Problems.NotFound($"The plan has no action {actionId}."));

        var dropped = command.Status == ActionStatus.Dropped && action.Status != ActionStatus.Dropped;
        action.Description = command.Description?.Trim() ?? action.Description;
        action.Owner = command.Owner ?? action.Owner;
        action.Stakeholders = command.Stakeholders ?? action.Stakeholders;
        action.DueOn = command.DueOn ?? action.DueOn;
        action.SuccessMeasure = command.SuccessMeasure?.Trim() ?? action.SuccessMeasure;
        action.Status = command.Status ?? action.Status;
        if (dropped) ActionPlanRules.RecordRevision(plan, clock.GetUtcNow(), "actionDropped", action);
        session.UpdateToNextRevision(plan, response);
        return TypedResults.Ok(action);
    }
}
