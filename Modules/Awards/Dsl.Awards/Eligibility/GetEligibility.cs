using Dsl.Awards.Awards;
using Dsl.Awards.Journeys;

namespace Dsl.Awards.Eligibility;

public sealed record EligibilityQuery
{
    /// <summary>award (default) or renewal.</summary>
    [FromQuery(Name = "kind")]
    public Applications.ApplicationKind? Kind { get; set; }
}

public static class GetEligibilityEndpoint
{
    /// <summary>
    /// Whether the setting may apply for the award (or, with `kind=renewal`, renew it): each criterion of the current
    /// criteria version `met` or not, with the reason. The setting's head and lead (their own setting), admins and assessors.
    /// </summary>
    [Authorize(Roles = AwardsRoles.Readers)]
    [WolverineGet("/api/awards/eligibility/{urn}", OperationId = "GetAwardEligibility")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Check a setting's eligibility for the award")]
    [ProducesResponseType<EligibilityResult>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string urn, [AsParameters] EligibilityQuery query, ClaimsPrincipal user, IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        if (!Urns.IsValid(urn) || !SettingAccess.CanSee(user, urn)) return Results.Problem(Problems.NotFound($"There is no setting {urn} you may see."));
        var journey = await SettingJourneys.LoadAsync(session, urn, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(query.Kind == Applications.ApplicationKind.Renewal
            ? EligibilityRules.ForRenewal(urn, journey, await AwardLookup.CurrentAsync(session, urn, now, ct), AwardCriteria.Current, now)
            : EligibilityRules.ForAward(urn, journey, AwardCriteria.Current));
    }
}
