using Dsl.Assessment.Framework;

namespace Dsl.Assessment.ActionPlans;

/// <param name="ElementCode">The element the action serves.</param>
/// <param name="Owner">A role, and optionally a name.</param>
/// <param name="Stakeholders">Internal (seniorLeadershipTeam, governors, …) and external (mhst, cypmhs, …, other with a name).</param>
public sealed record AddAction(string ElementCode, string Description, ActionOwner? Owner, List<Stakeholder>? Stakeholders,
    DateOnly? DueOn, string? SuccessMeasure)
{
    public sealed class Validator : AbstractValidator<AddAction>
    {
        public Validator()
        {
            RuleFor(x => x.ElementCode).NotEmpty().Must(c => SeedSelfAssessmentFramework.ElementCodes.Contains(c))
                .WithMessage("elementCode must be one of the eight element codes.");
            RuleFor(x => x.Description).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.SuccessMeasure).MaximumLength(1000);
            RuleFor(x => x.Owner!).SetValidator(new OwnerValidator()).When(x => x.Owner is not null);
            RuleForEach(x => x.Stakeholders).SetValidator(new StakeholderValidator());
        }
    }
}

public sealed class OwnerValidator : AbstractValidator<ActionOwner>
{
    public OwnerValidator()
    {
        RuleFor(x => x.Role).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Name).MaximumLength(200);
    }
}

public sealed class StakeholderValidator : AbstractValidator<Stakeholder>
{
    public StakeholderValidator()
    {
        RuleFor(x => x.Name).NotEmpty().When(x => x.Kind == StakeholderKind.Other).WithMessage("A stakeholder of kind other needs a name.");
        RuleFor(x => x.Name).MaximumLength(200);
    }
}

public static class AddActionEndpoint
{
    /// <summary>
    /// Adds an action to the plan (the setting's lead or head, or an admin acting for it; the plan's ETag in If-Match). After agreement this
    /// records a revision of the plan.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/action-plans/{id}/actions", OperationId = "AddPlanAction")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Add an action to an action plan")]
    [ProducesResponseType<PlanAction>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(Guid id, AddAction command, ClaimsPrincipal user,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var (plan, problem) = await ActionPlanReads.Writable(id, user, ifMatch, session, ct);
        if (plan is null) return Results.Problem(problem!);
        var now = clock.GetUtcNow();
        var action = new PlanAction
        {
            Id = Guid.CreateVersion7(now), ElementCode = command.ElementCode, Description = command.Description.Trim(),
            Owner = command.Owner, Stakeholders = command.Stakeholders ?? [], DueOn = command.DueOn,
            SuccessMeasure = command.SuccessMeasure?.Trim(), Status = ActionStatus.NotStarted,
        };
        plan.Actions.Add(action);
        plan.NoActionNeeded.Remove(action.ElementCode);
        ActionPlanRules.RecordRevision(plan, now, "actionAdded", action);
        session.UpdateToNextRevision(plan, response);
        return TypedResults.Created($"/api/assessment/action-plans/{plan.Id}/actions/{action.Id}", action);
    }
}
