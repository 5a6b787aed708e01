using Dsl.Awards.Journeys;

namespace Dsl.Awards.Standards;

public sealed record SubscribeToStandards(string SettingUrn)
{
    public sealed class Validator : AbstractValidator<SubscribeToStandards>
    {
        public Validator() => RuleFor(x => x.SettingUrn).Urn("settingUrn");
    }
}

public static class SubscribeToStandardsEndpoint
{
    /// <summary>
    /// Subscribes a setting whose lead completed embedding (award or not) to the programme's standards (its head or
    /// lead): the first annual review is due a year from now. One subscription per setting (409 naming it).
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/awards/standards-subscriptions", OperationId = "SubscribeToStandards")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Subscribe to the programme's standards")]
    [ProducesResponseType<StandardsSubscription>(StatusCodes.Status201Created)]
    public static async Task<(IResult, OutgoingMessages)> Post(SubscribeToStandards command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, IOptions<StandardsOptions> options, HttpResponse response, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (!SettingAccess.CanSee(user, command.SettingUrn))
            return (Results.Problem(Problems.Invalid("settingUrn", "You can subscribe only your own setting.")), messages);
        var journey = await SettingJourneys.LoadAsync(session, command.SettingUrn, ct);
        if (journey?.EmbeddingCompletedAt is null)
            return (Results.Problem(Problems.Conflict("The setting's lead has not completed the embedding phase yet.")), messages);
        var existing = await session.Query<StandardsSubscription>().FirstOrDefaultAsync(s => s.SettingUrn == command.SettingUrn, ct);
        if (existing is not null)
            return (Results.Problem(Problems.Conflict($"The setting is already subscribed ({existing.Id}); submit its annual review to renew it.",
                new Dictionary<string, object?> { ["subscriptionId"] = existing.Id })), messages);

        var now = clock.GetUtcNow();
        var subscription = new StandardsSubscription
        {
            Id = Guid.CreateVersion7(now), SettingUrn = command.SettingUrn, EnrolmentId = journey.EnrolmentId, Region = journey.Region,
            Status = StandardsStatus.Active, SubscribedAt = now, ReviewDueAt = now + options.Value.ReviewInterval, Version = 1,
        };
        session.Insert(subscription);
        messages.Schedule(new LapseStandardsSubscription(subscription.Id, subscription.ReviewDueAt), subscription.ReviewDueAt + options.Value.LapseAfter);
        response.SetETag(subscription.Version);
        return (TypedResults.Created($"/api/awards/standards-subscriptions/{subscription.Id}", subscription), messages);
    }
}
