using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Awards.Contracts;

/// <summary>What every public Awards event carries: the setting it is about (no personal data: no names, statements or feedback).</summary>
public abstract record AwardsIntegrationEvent : IntegrationEvent
{
    public string SettingUrn { get; init; } = "";
}

/// <summary>A setting submitted (or resubmitted) its award or renewal application for assessment.</summary>
[MessageIdentity("dsl.awards.application-submitted.v1")]
public sealed record ApplicationSubmitted : AwardsIntegrationEvent
{
    public Guid ApplicationId { get; init; }
    /// <summary>award or renewal.</summary>
    public string Kind { get; init; } = "";
    public DateTimeOffset SubmittedAt { get; init; }

    protected override string SubjectId => ApplicationId.ToString();
}

/// <summary>What every event about one award carries: the award, its application, its validity and its credential.</summary>
public abstract record AwardIntegrationEvent : AwardsIntegrationEvent
{
    public Guid AwardId { get; init; }
    public Guid ApplicationId { get; init; }
    /// <summary>The Open Badges 3.0 credential's id (urn:uuid:…), resolvable at the public credential URL.</summary>
    public string CredentialId { get; init; } = "";
    public DateTimeOffset ValidFrom { get; init; }
    public DateTimeOffset ValidUntil { get; init; }

    protected override string SubjectId => AwardId.ToString();
}

/// <summary>An assessor awarded the setting: the award and its verifiable credential exist from now.</summary>
[MessageIdentity("dsl.awards.award-granted.v1")]
public sealed record AwardGranted : AwardIntegrationEvent;

/// <summary>An admin revoked an award: its bit in the public status list is set from now.</summary>
[MessageIdentity("dsl.awards.award-revoked.v1")]
public sealed record AwardRevoked : AwardIntegrationEvent
{
    public DateTimeOffset RevokedAt { get; init; }
}

/// <summary>An award reached the end of its validity.</summary>
[MessageIdentity("dsl.awards.award-expired.v1")]
public sealed record AwardExpired : AwardIntegrationEvent;

/// <summary>An award expires in ninety days: the setting may apply for renewal.</summary>
[MessageIdentity("dsl.awards.renewal-due.v1")]
public sealed record RenewalDue : AwardIntegrationEvent;

/// <summary>A setting's standards subscription lapsed: its annual review was overdue by the grace period.</summary>
[MessageIdentity("dsl.awards.standards-lapsed.v1")]
public sealed record StandardsLapsed : AwardsIntegrationEvent
{
    public Guid SubscriptionId { get; init; }
    /// <summary>When the annual review was due.</summary>
    public DateTimeOffset ReviewDueAt { get; init; }
    public DateTimeOffset LapsedAt { get; init; }

    protected override string SubjectId => SubscriptionId.ToString();
}
