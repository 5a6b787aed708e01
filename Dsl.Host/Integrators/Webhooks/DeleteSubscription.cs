using System.Security.Claims;
using Dsl.Host.Integrators.Events;
using Wolverine.Persistence;

namespace Dsl.Host.Integrators.Webhooks;

public static class DeleteSubscriptionEndpoint
{
    /// <summary>Removes a subscription and its delivery history; nothing more is sent to it.</summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverineDelete("/api/webhooks/subscriptions/{id}", OperationId = "DeleteWebhookSubscription")]
    [Tags(ApiTags.Webhooks)]
    [EndpointSummary("Delete a webhook subscription")]
    public static IResult Delete([Entity("id")] WebhookSubscription subscription, ClaimsPrincipal user, IDocumentSession session)
    {
        if (!subscription.CanBeSeenBy(user)) return SubscriptionAccess.NotFound(subscription.Id);
        session.Delete(subscription);
        session.QueueSqlCommand($"delete from {IntegrationEventLog.Deliveries} where subscription_id = ?", subscription.Id);
        return TypedResults.NoContent();
    }
}
