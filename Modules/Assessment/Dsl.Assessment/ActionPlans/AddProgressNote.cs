namespace Dsl.Assessment.ActionPlans;

public sealed record AddProgressNote(string Text)
{
    public sealed class Validator : AbstractValidator<AddProgressNote>
    {
        public Validator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(2000);
    }
}

public static class AddProgressNoteEndpoint
{
    /// <summary>Adds a dated progress note to an action (the setting's lead or head, or an admin acting for it); no If-Match, notes only add.</summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/assessment/action-plans/{id}/actions/{actionId}/notes", OperationId = "AddPlanActionNote")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Add a progress note to an action")]
    [ProducesResponseType<ProgressNote>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(Guid id, Guid actionId, AddProgressNote command, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var (plan, problem) = await ActionPlanReads.Writable(id, user, "*", session, ct);
        if (plan is null) return Results.Problem(problem!);
        var action = plan.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null) return Results.Problem(Problems.NotFound($"The plan has no action {actionId}."));
        var note = new ProgressNote(clock.GetUtcNow(), command.Text.Trim());
        action.Notes.Add(note);
        session.UpdateToNextRevision(plan, response);
        return TypedResults.Created($"/api/assessment/action-plans/{plan.Id}/actions/{action.Id}", note);
    }
}
