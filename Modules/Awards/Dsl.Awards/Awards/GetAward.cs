namespace Dsl.Awards.Awards;

public static class GetAwardEndpoint
{
    public static Task<Award?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<Award>(id, ct);

    public static ProblemDetails Validate(Award? award, ClaimsPrincipal user) => AwardAccess.Check(user, award);

    /// <summary>One award: its validity (validFrom, validUntil), status (active, expired, revoked) and credential id.</summary>
    [Authorize(Roles = AwardsRoles.Readers)]
    [WolverineGet("/api/awards/{id}", OperationId = "GetAward")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Get an award")]
    [ProducesResponseType<AwardView>(StatusCodes.Status200OK)]
    public static AwardView Get([NotBody] Award award) => AwardView.From(award);
}
