namespace Dsl.Awards.Awards;

/// <summary>An award as its readers see it: validity, status, the credential's id and where anyone can check it.</summary>
public sealed record AwardView(Guid Id, Guid ApplicationId, string SettingUrn, string SettingName, string Region, AwardStatus Status,
    DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, Guid? RenewsAwardId, string CriteriaVersion, string CredentialId,
    int StatusListIndex, DateTimeOffset? RevokedAt, string? RevocationReason)
{
    public static AwardView From(Award a) => new(a.Id, a.ApplicationId, a.SettingUrn, a.SettingName, a.Region, a.Status, a.ValidFrom,
        a.ValidUntil, a.RenewsAwardId, a.CriteriaVersion, a.CredentialUrn, a.StatusListIndex, a.RevokedAt, a.RevocationReason);
}

internal static class AwardAccess
{
    public const string NotFound = "There is no award with this id.";

    /// <summary>Admins and assessors see every award (awards are public facts); heads and leads their setting's.</summary>
    public static ProblemDetails Check(ClaimsPrincipal user, Award? award) => SettingAccess.Check(user, award?.SettingUrn, NotFound);
}
