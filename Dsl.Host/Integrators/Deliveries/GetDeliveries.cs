using System.Globalization;
using System.Security.Claims;
using Dsl.Host.Integrators.Webhooks;
using Wolverine.Persistence;

namespace Dsl.Host.Integrators.Deliveries;

public sealed record GetDeliveriesQuery : PageQuery
{
    /// <summary>pending, delivered or deadLettered; omit for all.</summary>
    [FromQuery(Name = "status")] public DeliveryStatus? Status { get; set; }

    public sealed class Validator : AbstractValidator<GetDeliveriesQuery>
    {
        public Validator()
        {
            Include(new PageQueryValidator(Cursors.IsNumberKey));
        }
    }
}

public static class GetDeliveriesEndpoint
{
    /// <summary>A subscription's deliveries, newest first: status, every attempt with its response code and duration.</summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverineGet("/api/webhooks/subscriptions/{id}/deliveries", OperationId = "GetWebhookDeliveries")]
    [Tags(ApiTags.Webhooks)]
    [EndpointSummary("List a subscription's deliveries")]
    [ProducesResponseType<Page<WebhookDeliveryView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get([Entity("id")] WebhookSubscription subscription, [AsParameters] GetDeliveriesQuery query,
        ClaimsPrincipal user, WebhookDeliveries deliveries, CancellationToken ct)
    {
        if (!subscription.CanBeSeenBy(user)) return SubscriptionAccess.NotFound(subscription.Id);
        var before = query.After is null ? (long?)null : long.Parse(query.After, CultureInfo.InvariantCulture);
        var rows = await deliveries.ListAsync(subscription.Id, query.Status, before, query.Take + 1, ct);
        var page = rows.ToPage(query.Take, r => r.Position.ToString(CultureInfo.InvariantCulture));
        return TypedResults.Ok(page.Select(r => r.View));
    }
}
