namespace Dsl.Assessment.ActionPlans;

internal static class ActionPlanReads
{
    public static async Task<ActionPlan?> Readable(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var plan = await session.LoadAsync<ActionPlan>(id, ct);
        return plan is not null && await AssessmentAccess.CanRead(user, plan.SettingUrn, plan.CohortId, session, ct) ? plan : null;
    }

    public static ProblemDetails NotFound(Guid id) => Problems.NotFound($"There is no action plan {id}.");

    /// <summary>Changes other than by the setting's own people are refused as if the plan did not exist.</summary>
    public static async Task<(ActionPlan? Plan, ProblemDetails? Problem)> Writable(Guid id, ClaimsPrincipal user,
        string? ifMatch, IDocumentSession session, CancellationToken ct)
    {
        var plan = await session.LoadAsync<ActionPlan>(id, ct);
        if (plan is null || !AssessmentAccess.CanWrite(user, plan.SettingUrn)) return (null, NotFound(id));
        return ETags.CheckIfMatch(ifMatch, plan.Version) is { } stale ? (null, stale) : (plan, null);
    }
}
