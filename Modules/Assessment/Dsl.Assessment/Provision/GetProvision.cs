namespace Dsl.Assessment.Provision;

public static class GetProvisionEndpoint
{
    internal static ProblemDetails NotFound(string urn) => Problems.NotFound($"There is no provision map for setting {urn}.");

    /// <summary>The setting's provision map: the local services it works with (whoever may read its assessment records).</summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/settings/{urn}/provision", OperationId = "GetProvisionMap")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get a setting's local provision map")]
    [ProducesResponseType<ProvisionMap>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string urn, ClaimsPrincipal user, IQuerySession session, HttpResponse response,
        CancellationToken ct)
    {
        if (!await AssessmentAccess.CanReadSetting(user, urn, session, ct)) return Results.Problem(NotFound(urn));
        var map = await session.LoadAsync<ProvisionMap>(urn, ct) ?? new ProvisionMap { Id = urn };
        response.SetETag(map.Version);
        return TypedResults.Ok(map);
    }
}
