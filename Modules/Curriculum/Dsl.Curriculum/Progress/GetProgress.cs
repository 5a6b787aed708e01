namespace Dsl.Curriculum.Progress;

public static class GetProgressEndpoint
{
    /// <summary>
    /// A lead's progress: phase and the date each was entered, what is still missing to move on, the next due date,
    /// per-element coverage and sign-offs (admin, the cohort's facilitator, or the setting's head or lead).
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/progress/{enrolmentId}", OperationId = "GetProgress")]
    [AuditedRead("progress")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a lead's progress")]
    [ProducesResponseType<ProgressView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid enrolmentId, ClaimsPrincipal user, IQuerySession session, TimeProvider clock,
        CancellationToken ct)
    {
        var lead = await LeadInCohort.LoadAsync(session, enrolmentId, ct);
        if (lead is null || !lead.CanRead(user)) return Results.Problem(Problems.NotFound(LeadInCohort.NotFound(enrolmentId)));
        var evidence = await ProgressFlow.EvidenceAsync(session, enrolmentId, ct);
        return TypedResults.Ok(ProgressView.From(lead.Progress, evidence, clock.GetUtcNow(), user));
    }
}
