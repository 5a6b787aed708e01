namespace Dsl.Curriculum.Progress;

public static class GetProgressEndpoint
{
    public static Task<LeadProgress?> LoadAsync(Guid enrolmentId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<LeadProgress>(enrolmentId, ct);

    public static ProblemDetails Validate(LeadProgress? progress, Guid enrolmentId, ClaimsPrincipal user) =>
        SettingAccess.Check(user, progress?.SettingUrn, $"There is no progress record for enrolment {enrolmentId}.");

    /// <summary>A lead's progress through the programme's phases (admin, facilitator, or the setting's head or lead).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/progress/{enrolmentId}", OperationId = "GetProgress")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a lead's progress")]
    public static LeadProgress Get(LeadProgress progress) => progress;
}
