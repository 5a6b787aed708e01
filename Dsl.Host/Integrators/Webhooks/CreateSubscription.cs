using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.Host.Integrators.Webhooks;

/// <param name="Url">Where deliveries are POSTed: https, on a public address.</param>
/// <param name="EventTypes">CloudEvents types from /asyncapi/v1.json, or ["*"] for every type.</param>
/// <param name="Regions">Programme region codes to receive events for; omit for every region.</param>
public sealed record CreateSubscription(string Url, List<string>? EventTypes, List<string>? Regions, string? Description)
{
    public sealed class Validator : AbstractValidator<CreateSubscription>
    {
        public Validator()
        {
            RuleFor(x => x.Url).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.EventTypes).EventTypeList();
            RuleFor(x => x.Regions).RegionList();
            RuleFor(x => x.Description).MaximumLength(500);
        }
    }
}

public static class CreateSubscriptionEndpoint
{
    /// <summary>The target is checked before anything is stored, and nothing is ever sent to a refused one.</summary>
    public static async Task<ProblemDetails> ValidateAsync(CreateSubscription command, WebhookTargets targets, CancellationToken ct) =>
        await targets.RefusalAsync(command.Url, ct) is { } refusal ? Problems.Invalid("url", refusal) : WolverineContinue.NoProblems;

    /// <summary>
    /// Subscribes a URL to integration events (integrator, admin). The answer holds the signing secret, shown
    /// this once: deliveries are signed with it following the Standard Webhooks specification.
    /// </summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverinePost("/api/webhooks/subscriptions", OperationId = "CreateWebhookSubscription")]
    [Tags(ApiTags.Webhooks)]
    [EndpointSummary("Create a webhook subscription")]
    public static (Created<CreatedWebhookSubscription>, Wolverine.Marten.IMartenOp) Post(CreateSubscription command, ClaimsPrincipal user,
        TimeProvider clock, HttpResponse response)
    {
        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(now), OwnerId = user.FindFirst("sub")?.Value ?? "", Url = command.Url,
            EventTypes = command.EventTypes!.Distinct().ToList(), Regions = command.Regions?.Distinct().ToList() ?? [],
            Description = command.Description, Status = SubscriptionStatus.Active,
            Secrets = [new SigningSecret(WebhookSubscription.NewSecret(), now, null)], CreatedAt = now, Version = 1,
        };
        response.SetETag(subscription.Version);
        var s = subscription;
        return (TypedResults.Created($"/api/webhooks/subscriptions/{s.Id}", new CreatedWebhookSubscription(s.Id, s.Url,
                s.EventTypes, s.Regions, s.Description, s.Status, s.OwnerId, s.CreatedAt, s.Version, s.Secrets[0].Value)),
            Wolverine.Marten.MartenOps.Insert(subscription));
    }
}
