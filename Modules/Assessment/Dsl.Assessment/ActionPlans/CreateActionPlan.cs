using Dsl.Assessment.Enrolments;

namespace Dsl.Assessment.ActionPlans;

public sealed record CreateActionPlan(Guid EnrolmentId)
{
    public sealed class Validator : AbstractValidator<CreateActionPlan>
    {
        public Validator() => RuleFor(x => x.EnrolmentId).NotEmpty();
    }
}

public static class CreateActionPlanEndpoint
{
    /// <summary>
    /// Opens the enrolment's action plan, a draft (the setting's lead or head, or an admin acting for it). One per enrolment: a second is 409
    /// naming the plan. Send Idempotency-Key to retry safely.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/action-plans", OperationId = "CreateActionPlan")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Create an action plan")]
    [ProducesResponseType<ActionPlan>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(CreateActionPlan command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var enrolment = await session.LoadAsync<AssessedEnrolment>(command.EnrolmentId, ct);
        if (enrolment is null || !AssessmentAccess.CanWrite(user, enrolment.SettingUrn))
            return Results.Problem(Problems.Invalid("enrolmentId", $"There is no confirmed enrolment {command.EnrolmentId} of your setting."));
        var existing = await session.Query<ActionPlan>().FirstOrDefaultAsync(p => p.EnrolmentId == enrolment.Id, ct);
        if (existing is not null)
            return Results.Problem(Problems.Conflict($"The enrolment already has action plan {existing.Id}.",
                new Dictionary<string, object?> { ["actionPlanId"] = existing.Id }));
        var now = clock.GetUtcNow();
        var plan = new ActionPlan
        {
            Id = Guid.CreateVersion7(now), EnrolmentId = enrolment.Id, SettingUrn = enrolment.SettingUrn,
            CohortId = enrolment.CohortId, Status = ActionPlanStatus.Draft, CreatedAt = now, Version = 1,
        };
        session.Insert(plan);
        response.SetETag(plan.Version);
        return TypedResults.Created($"/api/assessment/action-plans/{plan.Id}", plan);
    }
}
