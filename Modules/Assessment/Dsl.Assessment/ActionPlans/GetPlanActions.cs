using System.Text;

namespace Dsl.Assessment.ActionPlans;

public sealed record PlanActionRow(Guid Id, string ElementCode, string Description, string? OwnerRole,
    IReadOnlyList<Stakeholder> Stakeholders, DateOnly? DueOn, string? SuccessMeasure, ActionStatus Status, bool Overdue,
    int NoteCount);

public static class GetPlanActionsEndpoint
{
    /// <summary>
    /// The plan's actions in element order, `?overdue=true` for those past due and not done or dropped; send
    /// Accept: text/csv for a CSV export (owners by role only). Whoever may read the plan.
    /// </summary>
    /// <param name="overdue">true: only actions past their due date and neither done nor dropped.</param>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/action-plans/{id}/actions", OperationId = "GetPlanActions")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("List an action plan's actions")]
    [ProducesResponseType<List<PlanActionRow>>(StatusCodes.Status200OK, "application/json", "text/csv")]
    public static async Task<IResult> Get(Guid id, [FromQuery] bool? overdue, ClaimsPrincipal user,
        IQuerySession session, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var plan = await ActionPlanReads.Readable(id, user, session, ct);
        if (plan is null) return Results.Problem(ActionPlanReads.NotFound(id));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var order = Framework.SeedSelfAssessmentFramework.ElementCodes;
        var rows = plan.Actions
            .Select(a => new PlanActionRow(a.Id, a.ElementCode, a.Description, a.Owner?.Role, a.Stakeholders, a.DueOn,
                a.SuccessMeasure, a.Status, ActionPlanRules.IsOverdue(a, today), a.Notes.Count))
            .Where(r => overdue != true || r.Overdue)
            .OrderBy(r => order.ToList().IndexOf(r.ElementCode)).ThenBy(r => r.DueOn)
            .ToList();
        return request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(ToCsv(rows), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(rows);
    }

    public static string ToCsv(IEnumerable<PlanActionRow> rows)
    {
        var csv = new StringBuilder("id,elementCode,description,ownerRole,stakeholders,dueOn,successMeasure,status,overdue,notes\n");
        foreach (var r in rows)
            csv.AppendJoin(',', r.Id, r.ElementCode, Csv.Field(r.Description), Csv.Field(r.OwnerRole),
                    Csv.Field(string.Join(";", r.Stakeholders.Select(s => s.Name is null ? Csv.Camel(s.Kind) : $"{Csv.Camel(s.Kind)}:{s.Name}"))),
                    r.DueOn?.ToString("yyyy-MM-dd"), Csv.Field(r.SuccessMeasure), Csv.Camel(r.Status), r.Overdue ? "true" : "false", r.NoteCount)
                .Append('\n');
        return csv.ToString();
    }
}
