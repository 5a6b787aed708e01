using System.Security.Claims;
using Wolverine.Persistence;

namespace Dsl.Host.Integrators.Webhooks;

public static class GetSubscriptionsEndpoint
{
    /// <summary>Webhook subscriptions: an integrator's own, or every one for an admin.</summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverineGet("/api/webhooks/subscriptions", OperationId = "GetWebhookSubscriptions")]
    [Tags(ApiTags.Webhooks)]
    [EndpointSummary("List webhook subscriptions")]
    public static async Task<Page<WebhookSubscriptionView>> Get([AsParameters] GetSubscriptionsQuery query,
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var after = query.After is null ? Guid.Empty : Guid.Parse(query.After);
        IQueryable<WebhookSubscription> subscriptions = session.Query<WebhookSubscription>();
        if (!user.IsInRole(Roles.Admin))
        {
            var me = user.FindFirst("sub")?.Value;
            subscriptions = subscriptions.Where(s => s.OwnerId == me);
        }
        var page = await subscriptions.Where(s => s.Id > after).OrderBy(s => s.Id).Take(query.Take + 1).ToListAsync(ct);
        return page.Select(WebhookSubscriptionView.From).ToList().ToPage(query.Take, s => s.Id.ToString());
    }
}

public sealed record GetSubscriptionsQuery : PageQuery
{
    public sealed class Validator : AbstractValidator<GetSubscriptionsQuery>
    {
        public Validator() => Include(new PageQueryValidator(Cursors.IsGuidKey));
    }
}

public static class GetSubscriptionEndpoint
{
    /// <summary>One webhook subscription (its owner or an admin), with its ETag.</summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverineGet("/api/webhooks/subscriptions/{id}", OperationId = "GetWebhookSubscription")]
    [Tags(ApiTags.Webhooks)]
    [EndpointSummary("Get a webhook subscription")]
    [ProducesResponseType<WebhookSubscriptionView>(StatusCodes.Status200OK)]
    public static IResult Get([Entity("id")] WebhookSubscription subscription, ClaimsPrincipal user, HttpResponse response)
    {
        if (!subscription.CanBeSeenBy(user)) return SubscriptionAccess.NotFound(subscription.Id);
        response.SetETag(subscription.Version);
        return TypedResults.Ok(WebhookSubscriptionView.From(subscription));
    }
}

/// <summary>Another integrator's subscription is answered as missing, so ids cannot be probed.</summary>
public static class SubscriptionAccess
{
    public static IResult NotFound(Guid id) => Results.Problem(Problems.NotFound($"There is no webhook subscription {id}."));
}
