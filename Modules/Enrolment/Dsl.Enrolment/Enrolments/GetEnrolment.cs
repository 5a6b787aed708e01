namespace Dsl.Enrolment.Enrolments;

public static class GetEnrolmentEndpoint
{
    public static Task<Enrolment?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<Enrolment>(id, ct);

    public static ProblemDetails Validate(Enrolment? enrolment, Guid id, ClaimsPrincipal user) =>
        enrolment is not null && EnrolmentAccess.CanSee(user, enrolment) ? WolverineContinue.NoProblems : EnrolmentAccess.NotFound(id);

    /// <summary>One enrolment with its status history (admin, or the setting's head or lead).</summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverineGet("/api/enrolments/{id}", OperationId = "GetEnrolment")]
    [AuditedRead("enrolment", EnrolmentRoute = "id")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("Get an enrolment")]
    public static async Task<EnrolmentView> Get(Enrolment enrolment, IQuerySession session, HttpResponse response,
        CancellationToken ct)
    {
        response.SetETag(enrolment.Version);
        return EnrolmentView.From(enrolment, await session.LoadAsync<Lead>(enrolment.LeadId, ct));
    }
}
