using Dsl.Awards.Eligibility;

namespace Dsl.Awards.Applications;

public static class GetApplicationEndpoint
{
    public static Task<AwardApplication?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<AwardApplication>(id, ct);

    public static ProblemDetails Validate(AwardApplication? application, ClaimsPrincipal user) => ApplicationAccess.Check(user, application);

    /// <summary>
    /// One award application with its elements, judgements, evidence requests, decision and `awardId` (admins, the
    /// setting's head and lead, the assessor assigned to it; anyone else 404).
    /// </summary>
    [Authorize(Roles = AwardsRoles.Readers)]
    [AuditedRead("awardApplication")]
    [WolverineGet("/api/awards/applications/{id}", OperationId = "GetAwardApplication")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Get an award application")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public static IResult Get([NotBody] AwardApplication application, HttpResponse response)
    {
        response.SetETag(application.Version);
        AccessAudit.RecordIsAbout(response, application.EnrolmentId);
        return TypedResults.Ok(ApplicationView.From(application, AwardCriteria.Find(application.CriteriaVersion) ?? AwardCriteria.Current));
    }
}
