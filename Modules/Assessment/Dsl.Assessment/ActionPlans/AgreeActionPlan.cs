using Dsl.Assessment.Enrolments;
using Dsl.Assessment.Framework;

namespace Dsl.Assessment.ActionPlans;

public sealed record ReviewActionPlan(string? Comments)
{
    public sealed class Validator : AbstractValidator<ReviewActionPlan>
    {
        public Validator() => RuleFor(x => x.Comments).MaximumLength(4000);
    }
}

public static class AgreeActionPlanEndpoint
{
    /// <summary>
    /// The cohort's facilitator (or an admin) agrees a submitted plan, optionally with comments. Publishes
    /// dsl.assessment.action-plan-agreed.v1 with the action counts per element.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/assessment/action-plans/{id}/agree", OperationId = "AgreeActionPlan")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Agree an action plan")]
    [ProducesResponseType<ActionPlan>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Post(Guid id, ReviewActionPlan command, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var (plan, problem) = await ActionPlanReview.Load(id, user, session, ct);
        if (plan is null) return (Results.Problem(problem!), messages);
        var now = clock.GetUtcNow();
        plan.Status = ActionPlanStatus.Agreed;
        plan.AgreedAt = now;
        if (!string.IsNullOrWhiteSpace(command.Comments)) plan.Comments.Add(new PlanComment(now, "agreed", command.Comments.Trim()));
        session.UpdateToNextRevision(plan, response);
        var enrolment = await session.LoadAsync<AssessedEnrolment>(plan.EnrolmentId, ct);
        messages.Add(new ActionPlanAgreed
        {
            EventId = Guid.CreateVersion7(now), OccurredAt = now, Region = enrolment?.Region ?? "",
            EnrolmentId = plan.EnrolmentId, SettingUrn = plan.SettingUrn, ActionPlanId = plan.Id, AgreedAt = now,
            ActionCounts = ActionPlanRules.ActionCounts(plan, SeedSelfAssessmentFramework.ElementCodes),
        });
        return (TypedResults.Ok(plan), messages);
    }
}

internal static class ActionPlanReview
{
    /// <summary>A submitted plan of a cohort the facilitator runs (another cohort's: 404).</summary>
    public static async Task<(ActionPlan?, ProblemDetails?)> Load(Guid id, ClaimsPrincipal user, IDocumentSession session,
        CancellationToken ct)
    {
        var plan = await session.LoadAsync<ActionPlan>(id, ct);
        if (plan is null || !await AssessmentAccess.IsFacilitator(user, plan.CohortId, session, ct))
            return (null, ActionPlanReads.NotFound(id));
        return plan.Status == ActionPlanStatus.Submitted
            ? (plan, null)
            : (null, Problems.Conflict($"Only a submitted plan can be reviewed; this one is {plan.Status}."));
    }
}
