using Dsl.Assessment.Framework;

namespace Dsl.Assessment.ActionPlans;

public sealed record RecordNoActionNeeded(string Reason)
{
    public sealed class Validator : AbstractValidator<RecordNoActionNeeded>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
    }
}

public static class RecordNoActionNeededEndpoint
{
    /// <summary>Records why an element needs no action (the setting's lead or head, or an admin acting for it; the plan's ETag in If-Match).</summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePut("/api/assessment/action-plans/{id}/elements/{code}/no-action-needed", OperationId = "RecordNoActionNeeded")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Record why an element needs no action")]
    [ProducesResponseType<ActionPlan>(StatusCodes.Status200OK)]
    public static async Task<IResult> Put(Guid id, string code, RecordNoActionNeeded command, ClaimsPrincipal user,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, HttpResponse response, CancellationToken ct)
    {
        var (plan, problem) = await ActionPlanReads.Writable(id, user, ifMatch, session, ct);
        if (plan is null) return Results.Problem(problem!);
        if (!SeedSelfAssessmentFramework.ElementCodes.Contains(code))
            return Results.Problem(Problems.NotFound($"There is no framework element with code '{code}'."));
        plan.NoActionNeeded[code] = command.Reason.Trim();
        session.UpdateToNextRevision(plan, response);
        return TypedResults.Ok(plan);
    }
}
