namespace Dsl.Assessment.Profiles;

public static class GetProfileEndpoint
{
    internal static ProblemDetails NotFound(string urn) => Problems.NotFound($"There is no lead profile for setting {urn}.");

    /// <summary>
    /// The lead's role and remit, the wellbeing champions and the staff training log (whoever may read the setting's
    /// assessment records). An empty profile has ETag "0": send it as If-Match to create it.
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/settings/{urn}/profile", OperationId = "GetLeadProfile")]
    [AuditedRead("leadProfile")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get the lead's role, remit and team")]
    [ProducesResponseType<LeadProfile>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string urn, ClaimsPrincipal user, IQuerySession session, HttpResponse response,
        CancellationToken ct)
    {
        if (!await AssessmentAccess.CanReadSetting(user, urn, session, ct)) return Results.Problem(NotFound(urn));
        var profile = await session.LoadAsync<LeadProfile>(urn, ct) ?? new LeadProfile { Id = urn };
        response.SetETag(profile.Version);
        return TypedResults.Ok(profile);
    }
}
