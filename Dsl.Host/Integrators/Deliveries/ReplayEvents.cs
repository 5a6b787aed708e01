using System.Security.Claims;
using Dsl.Host.Integrators.Webhooks;
using Wolverine.Persistence;

namespace Dsl.Host.Integrators.Deliveries;

public sealed record ReplayQuery
{
    /// <summary>Replay events recorded at or after this time (ISO 8601).</summary>
    [FromQuery(Name = "from")] public DateTimeOffset? From { get; set; }

    public sealed class Validator : AbstractValidator<ReplayQuery>
    {
        public Validator() => RuleFor(x => x.From).NotNull().WithMessage("from is required: the time to replay events from (ISO 8601).");
    }
}

/// <summary>How many deliveries the replay queued.</summary>
public sealed record ReplayAccepted(long Queued, DateTimeOffset From);

public static class ReplayEventsEndpoint
{
    /// <summary>
    /// Queues every event since ?from= that the subscription's types and regions select, as new deliveries in
    /// event order with their original ids, so a receiver can rebuild after losing data.
    /// </summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverinePost("/api/webhooks/subscriptions/{id}/replay", OperationId = "ReplayWebhookEvents")]
    [Tags(ApiTags.Webhooks)]
    [EndpointSummary("Replay events to a subscription")]
    [ProducesResponseType<ReplayAccepted>(StatusCodes.Status202Accepted)]
    public static async Task<IResult> Post([Entity("id")] WebhookSubscription subscription, [AsParameters] ReplayQuery query,
        ClaimsPrincipal user, WebhookDeliveries deliveries, TimeProvider clock, CancellationToken ct)
    {
        if (!subscription.CanBeSeenBy(user)) return SubscriptionAccess.NotFound(subscription.Id);
        var types = subscription.EventTypes.Contains(WebhookSubscription.AllTypes) ? null : subscription.EventTypes.ToArray();
        var regions = subscription.Regions.Count == 0 ? null : subscription.Regions.ToArray();
        var queued = await deliveries.ReplayAsync(subscription.Id, query.From!.Value, types, regions, clock.GetUtcNow(), ct);
        return TypedResults.Accepted($"/api/webhooks/subscriptions/{subscription.Id}/deliveries", new ReplayAccepted(queued, query.From.Value));
    }
}
