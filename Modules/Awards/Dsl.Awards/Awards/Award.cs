namespace Dsl.Awards.Awards;

public enum AwardStatus { Active, Expired, Revoked }

/// <summary>
/// An award granted to a setting, valid three years, with the signed Open Badges 3.0 credential that proves it and the
/// credential's index in the public revocation status list.
/// </summary>
public sealed class Award
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string SettingUrn { get; set; } = "";
    public Guid EnrolmentId { get; set; }
    public string SettingName { get; set; } = "";
    public string Region { get; set; } = "";
    public string CriteriaVersion { get; set; } = "";
    public AwardStatus Status { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidUntil { get; set; }
    public Guid? RenewsAwardId { get; set; }
    /// <summary>The credential's id, urn:uuid:{CredentialId}.</summary>
    public Guid CredentialId { get; set; }
    public int StatusListIndex { get; set; }
    /// <summary>The compact VC-JWT, as signed at issue (its facts never change; revocation is in the status list).</summary>
    public string CredentialJwt { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    public bool RenewalDuePublished { get; set; }

    public string CredentialUrn => $"urn:uuid:{CredentialId}";

    /// <summary>The public event fields every award event shares.</summary>
    public T About<T>(T @event, DateTimeOffset now) where T : AwardIntegrationEvent => (T)((AwardIntegrationEvent)@event with
    {
        EventId = Guid.CreateVersion7(now), OccurredAt = now, Region = Region, SettingUrn = SettingUrn, AwardId = Id,
        ApplicationId = ApplicationId, CredentialId = CredentialUrn, ValidFrom = ValidFrom, ValidUntil = ValidUntil,
    });
}

/// <summary>The next free index of the revocation status list (one document; Marten's optimistic concurrency serialises issues).</summary>
public sealed class StatusListAllocation
{
    public const string RevocationId = "revocation";
    public string Id { get; set; } = RevocationId;
    public int Next { get; set; }
}
