using Dsl.Awards.Applications;
using Dsl.Awards.Credentials;
using Dsl.Awards.Eligibility;

namespace Dsl.Awards.Awards;

/// <summary>What granting an award makes: the award with its validity and signed credential, and the messages that follow it.</summary>
public static class AwardIssue
{
    /// <summary>
    /// The award for an application decided <c>awarded</c>: valid three years from the decision (whole seconds), or for
    /// a renewal from where the renewed award ends; its credential signed with the current key.
    /// </summary>
    public static Award Grant(AwardApplication application, string settingName, Award? renewed, int statusListIndex,
        IssuerUrls urls, AwardSigningKeys keys, DateTimeOffset now)
    {
        var criteria = AwardCriteria.Find(application.CriteriaVersion) ?? AwardCriteria.Current;
        var decidedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var validFrom = renewed is not null && renewed.ValidUntil > decidedAt ? renewed.ValidUntil : decidedAt;
        var award = new Award
        {
            Id = Guid.CreateVersion7(now), ApplicationId = application.Id, SettingUrn = application.SettingUrn,
            EnrolmentId = application.EnrolmentId, SettingName = settingName, Region = application.Region,
            CriteriaVersion = criteria.Version, Status = AwardStatus.Active, ValidFrom = validFrom,
            ValidUntil = validFrom.AddYears(criteria.ValidityYears), RenewsAwardId = renewed?.Id,
            CredentialId = Guid.NewGuid(), StatusListIndex = statusListIndex,
        };
        var key = keys.Current;
        award.CredentialJwt = VcJwt.Sign(OpenBadge.Credential(urls, award, criteria, decidedAt), OpenBadge.SubjectId(award.SettingUrn), key, urls.Key(key.Thumbprint));
        return award;
    }

    /// <summary>The grant's public event and the durable reminders of renewal and expiry.</summary>
    public static OutgoingMessages Follow(Award award, DateTimeOffset now)
    {
        var criteria = AwardCriteria.Find(award.CriteriaVersion) ?? AwardCriteria.Current;
        var messages = new OutgoingMessages { award.About(new AwardGranted(), now) };
        messages.Schedule(new MarkRenewalDue(award.Id), award.ValidUntil.AddDays(-criteria.RenewalDueDays));
        messages.Schedule(new ExpireAward(award.Id), award.ValidUntil);
        return messages;
    }
}
