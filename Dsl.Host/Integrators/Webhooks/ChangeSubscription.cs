using System.Security.Claims;
using Wolverine.Persistence;

namespace Dsl.Host.Integrators.Webhooks;

/// <summary>The fields to change; omitted fields keep their value.</summary>
/// <param name="Status">"paused" holds deliveries (they queue); "active" resumes, also after DSL disabled it on a 410.</param>
public sealed record ChangeSubscription(SubscriptionStatus? Status, List<string>? EventTypes, List<string>? Regions, string? Description)
{
    public sealed class Validator : AbstractValidator<ChangeSubscription>
    {
        public Validator()
        {
            RuleFor(x => x.Status).NotEqual(SubscriptionStatus.Disabled)
                .WithMessage("status may be set to active or paused; disabled is DSL's answer to a 410 from the receiver.");
            RuleFor(x => x.EventTypes).EventTypeList().When(x => x.EventTypes is not null);
            RuleFor(x => x.Regions).RegionList();
            RuleFor(x => x.Description).MaximumLength(500);
        }
    }
}

public static class ChangeSubscriptionEndpoint
{
    /// <summary>Pauses, resumes or re-targets a subscription's event types and regions (requires If-Match).</summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverinePatch("/api/webhooks/subscriptions/{id}", OperationId = "ChangeWebhookSubscription")]
    [Tags(ApiTags.Webhooks)]
    [EndpointSummary("Change a webhook subscription")]
    [ProducesResponseType<WebhookSubscriptionView>(StatusCodes.Status200OK)]
    public static IResult Patch(ChangeSubscription command, [Entity("id")] WebhookSubscription subscription,
        [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, IDocumentSession session, HttpResponse response)
    {
        if (!subscription.CanBeSeenBy(user)) return SubscriptionAccess.NotFound(subscription.Id);
        if (ETags.CheckIfMatch(ifMatch, subscription.Version) is { } stale) return Results.Problem(stale);

        if (command.Status is { } status)
        {
            subscription.Status = status;
            if (status == SubscriptionStatus.Active) subscription.DisabledReason = null;
        }
        if (command.EventTypes is not null) subscription.EventTypes = command.EventTypes.Distinct().ToList();
        if (command.Regions is not null) subscription.Regions = command.Regions.Distinct().ToList();
        subscription.Description = command.Description ?? subscription.Description;
        session.UpdateToNextRevision(subscription, response);
        // Deliveries held while paused or disabled are due again now.
        if (command.Status == SubscriptionStatus.Active) session.QueueSqlCommand($"select pg_notify('{Events.IntegrationEventLog.WakeChannel}', '')");
        return TypedResults.Ok(WebhookSubscriptionView.From(subscription));
    }
}
