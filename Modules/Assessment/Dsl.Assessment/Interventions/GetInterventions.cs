namespace Dsl.Assessment.Interventions;

public static class GetInterventionsEndpoint
{
    /// <summary>The setting's interventions register, newest first (whoever may read its assessment records).</summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/settings/{urn}/interventions", OperationId = "GetInterventions")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("List a setting's interventions")]
    [ProducesResponseType<List<Intervention>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string urn, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!await AssessmentAccess.CanReadSetting(user, urn, session, ct))
            return Results.Problem(Problems.NotFound($"There is no interventions register for setting {urn}."));
        var items = await session.Query<Intervention>().Where(i => i.SettingUrn == urn).OrderByDescending(i => i.StartsOn).ToListAsync(ct);
        return TypedResults.Ok(items);
    }
}
