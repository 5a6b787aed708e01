using System.Security.Claims;
using Wolverine.Persistence;

namespace Dsl.Host.Integrators.Webhooks;

/// <summary>The new signing secret (shown this once) and until when the previous one still signs beside it.</summary>
public sealed record RotatedSecret(string Secret, DateTimeOffset PreviousSecretRetiresAt);

public static class RotateSubscriptionSecretEndpoint
{
    /// <summary>
    /// Issues a new signing secret. For the overlap (24 hours by default) every delivery carries signatures from
    /// both the old and new secret, so the receiver can switch at its own pace.
    /// </summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverinePost("/api/webhooks/subscriptions/{id}/secret/rotate", OperationId = "RotateWebhookSecret")]
    [Tags(ApiTags.Webhooks)]
    [EndpointSummary("Rotate a subscription's signing secret")]
    [ProducesResponseType<RotatedSecret>(StatusCodes.Status200OK)]
    public static IResult Post([Entity("id")] WebhookSubscription subscription, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, IOptions<WebhookOptions> options, HttpResponse response)
    {
        if (!subscription.CanBeSeenBy(user)) return SubscriptionAccess.NotFound(subscription.Id);
        var now = clock.GetUtcNow();
        var retiresAt = now + options.Value.RotationOverlap;
        // Secrets already retired are dropped; the current one retires after the overlap.
        subscription.Secrets = subscription.Secrets.Where(s => s.RetiresAt is null || s.RetiresAt > now)
            .Select(s => s.RetiresAt is null ? s with { RetiresAt = retiresAt } : s).ToList();
        var secret = WebhookSubscription.NewSecret();
        subscription.Secrets.Add(new SigningSecret(secret, now, null));
        session.UpdateToNextRevision(subscription, response);
        return TypedResults.Ok(new RotatedSecret(secret, retiresAt));
    }
}
