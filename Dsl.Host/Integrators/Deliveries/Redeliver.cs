using System.Security.Claims;
using Dsl.Host.Integrators.Webhooks;
using Wolverine.Persistence;

namespace Dsl.Host.Integrators.Deliveries;

public static class RedeliverEndpoint
{
    /// <summary>
    /// Sends one delivery again now (a dead-lettered one, or one the receiver lost), with a fresh round of retries
    /// and the same webhook-id. Answers 202: the attempt shows in the delivery's attempts.
    /// </summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverinePost("/api/webhooks/subscriptions/{id}/deliveries/{deliveryId}/redeliver", OperationId = "RedeliverWebhook")]
    [Tags(ApiTags.Webhooks)]
    [EndpointSummary("Redeliver a webhook delivery")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public static async Task<IResult> Post([Entity("id")] WebhookSubscription subscription, Guid deliveryId, ClaimsPrincipal user,
        WebhookDeliveries deliveries, TimeProvider clock, CancellationToken ct)
    {
        if (!subscription.CanBeSeenBy(user)) return SubscriptionAccess.NotFound(subscription.Id);
        return await deliveries.RedeliverAsync(subscription.Id, deliveryId, clock.GetUtcNow(), ct)
            ? TypedResults.Accepted($"/api/webhooks/subscriptions/{subscription.Id}/deliveries")
            : Results.Problem(Problems.NotFound($"Subscription {subscription.Id} has no delivery {deliveryId}."));
    }
}
