namespace Dsl.Awards.Standards;

public static class GetStandardsSubscriptionEndpoint
{
    public static Task<StandardsSubscription?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<StandardsSubscription>(id, ct);

    public static ProblemDetails Validate(StandardsSubscription? subscription, ClaimsPrincipal user) =>
        SettingAccess.Check(user, subscription?.SettingUrn, "There is no standards subscription with this id.");

    /// <summary>A standards subscription: status (active, lapsed), when the next annual review is due, and the reviews so far.</summary>
    [Authorize(Roles = AwardsRoles.Readers)]
    [WolverineGet("/api/awards/standards-subscriptions/{id}", OperationId = "GetStandardsSubscription")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Get a standards subscription")]
    [ProducesResponseType<StandardsSubscription>(StatusCodes.Status200OK)]
    public static IResult Get([NotBody] StandardsSubscription subscription, HttpResponse response)
    {
        response.SetETag(subscription.Version);
        return TypedResults.Ok(subscription);
    }
}
