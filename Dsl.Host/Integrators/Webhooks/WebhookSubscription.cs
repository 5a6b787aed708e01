using System.Security.Claims;
using System.Security.Cryptography;
using Dsl.BuildingBlocks.Programme;
using Dsl.Host.Integrators.Catalogue;
using JasperFx;

namespace Dsl.Host.Integrators.Webhooks;

public enum SubscriptionStatus { Active, Paused, Disabled }

/// <summary>An integrator's webhook: where to send which events, and the secrets that sign them.</summary>
public sealed class WebhookSubscription : IRevisioned
{
    public const string AllTypes = "*";

    public Guid Id { get; set; }
    /// <summary>The integrator's user id (token subject); an integrator sees only its own subscriptions.</summary>
    public string OwnerId { get; set; } = "";
    public string Url { get; set; } = "";
    public List<string> EventTypes { get; set; } = [];
    /// <summary>Programme region codes; empty means every region.</summary>
    public List<string> Regions { get; set; } = [];
    public string? Description { get; set; }
    public SubscriptionStatus Status { get; set; }
    /// <summary>Why DSL disabled it (a 410 from the receiver).</summary>
    public string? DisabledReason { get; set; }
    public List<SigningSecret> Secrets { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The secrets that sign a delivery sent now: the current one, and a rotated-out one until it retires.</summary>
    public IEnumerable<string> SigningSecretsAt(DateTimeOffset now) =>
        Secrets.Where(s => s.RetiresAt is null || s.RetiresAt > now).Select(s => s.Value);

    public bool CanBeSeenBy(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || OwnerId == user.FindFirst("sub")?.Value;

    /// <summary>A Standard Webhooks secret: "whsec_" and 32 random bytes in base64.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

public sealed record SigningSecret(string Value, DateTimeOffset CreatedAt, DateTimeOffset? RetiresAt);

/// <summary>A subscription as read: never with its secrets, which are shown once, when created or rotated.</summary>
public sealed record WebhookSubscriptionView(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, IReadOnlyList<string> Regions, string? Description,
    SubscriptionStatus Status, string? DisabledReason, string OwnerId, DateTimeOffset CreatedAt, int Version)
{
    public static WebhookSubscriptionView From(WebhookSubscription s) => new(s.Id, s.Url, s.EventTypes, s.Regions,
        s.Description, s.Status, s.DisabledReason, s.OwnerId, s.CreatedAt, s.Version);
}

/// <summary>A subscription just created, with its signing secret: store it now, it is not shown again.</summary>
public sealed record CreatedWebhookSubscription(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, IReadOnlyList<string> Regions, string? Description,
    SubscriptionStatus Status, string OwnerId, DateTimeOffset CreatedAt, int Version, string Secret);

/// <summary>The rules a subscription's event types and regions follow, shared by create and change.</summary>
public static class SubscriptionRules
{
    public static IRuleBuilderOptionsConditions<T, List<string>?> EventTypeList<T>(this IRuleBuilder<T, List<string>?> rule) =>
        rule.Custom((types, context) =>
        {
            if (types is not { Count: > 0 })
            {
                context.AddFailure("eventTypes must name at least one event type, or \"*\" for all.");
                return;
            }
            var unknown = types.Where(t => t != WebhookSubscription.AllTypes && !IntegrationEventCatalogue.Instance.IsKnown(t)).ToList();
            if (unknown.Count > 0)
                context.AddFailure($"eventTypes may hold only \"*\" and the types listed in /asyncapi/v1.json; unknown: {string.Join(", ", unknown)}.");
        });

    public static IRuleBuilderOptions<T, List<string>?> RegionList<T>(this IRuleBuilder<T, List<string>?> rule) =>
        rule.Must(regions => regions is null || regions.All(ProgrammeRegions.ExistsOrNational))
            .WithMessage($"regions may hold only programme region codes (see /api/regions) and \"{ProgrammeRegions.National}\" (national cohorts' events).");
}
