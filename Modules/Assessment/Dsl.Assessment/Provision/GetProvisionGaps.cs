using Dsl.Assessment.Framework;

namespace Dsl.Assessment.Provision;

public sealed record ProvisionGaps(string SettingUrn, IReadOnlyList<ProvisionGap> Gaps);

public static class GetProvisionGapsEndpoint
{
    /// <summary>
    /// Each element and tier (universal, targeted, specialist) that no mapped service covers, so the lead sees where
    /// provision is missing (whoever may read the setting's assessment records).
    /// </summary>
    [Authorize(Roles = Roles.AssessmentReaders)]
    [WolverineGet("/api/assessment/settings/{urn}/provision/gaps", OperationId = "GetProvisionGaps")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get the gaps in a setting's local provision")]
    [ProducesResponseType<ProvisionGaps>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string urn, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        if (!await AssessmentAccess.CanReadSetting(user, urn, session, ct)) return Results.Problem(GetProvisionEndpoint.NotFound(urn));
        var map = await session.LoadAsync<ProvisionMap>(urn, ct);
        return TypedResults.Ok(new ProvisionGaps(urn, ProvisionRules.Gaps(map?.Services ?? [], SeedSelfAssessmentFramework.ElementCodes)));
    }
}
