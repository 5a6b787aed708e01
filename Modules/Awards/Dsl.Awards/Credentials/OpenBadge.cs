using System.Text.Json.Nodes;
using Dsl.Awards.Awards;
using Dsl.Awards.Eligibility;

namespace Dsl.Awards.Credentials;

/// <summary>The Open Badges 3.0 documents DSL publishes: the issuer profile, the achievement and each award's credential.</summary>
public static class OpenBadge
{
    public const string IssuerName = "DSL — Designated Senior Lead for Mental Health programme";
    public const string SchemaId = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    public static string SubjectId(string settingUrn) => $"urn:dsl:setting:{settingUrn}";

    public static JsonObject Issuer(IssuerUrls urls) => new()
    {
        ["@context"] = new JsonArray(VcContext, ObContext),
        ["id"] = urls.Issuer, ["type"] = new JsonArray("Profile"), ["name"] = IssuerName,
        ["url"] = urls.Base, ["description"] = "The Department for Education's training programme for senior mental health leads in schools and colleges in England.",
    };

    public static JsonObject Achievement(IssuerUrls urls, AwardCriteria criteria) => new()
    {
        ["@context"] = new JsonArray(VcContext, ObContext),
        ["id"] = urls.Achievement(criteria.Version), ["type"] = new JsonArray("Achievement"), ["achievementType"] = "Award",
        ["name"] = criteria.Name, ["description"] = criteria.Description,
        ["criteria"] = new JsonObject { ["narrative"] = criteria.Narrative },
        ["version"] = criteria.Version, ["creator"] = IssuerRef(urls),
    };

    public static JsonObject Credential(IssuerUrls urls, Award award, AwardCriteria criteria, DateTimeOffset issuedAt)
    {
        var achievement = Achievement(urls, criteria);
        achievement.Remove("@context");
        return new JsonObject
        {
            ["@context"] = new JsonArray(VcContext, ObContext),
            ["id"] = award.CredentialUrn,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = criteria.Name,
            ["issuer"] = IssuerRef(urls),
            ["validFrom"] = VcJwt.Date(award.ValidFrom),
            ["validUntil"] = VcJwt.Date(award.ValidUntil),
            ["awardedDate"] = VcJwt.Date(issuedAt),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = SubjectId(award.SettingUrn),
                ["type"] = new JsonArray("AchievementSubject"),
                ["name"] = award.SettingName,
                ["achievement"] = achievement,
            },
            ["credentialSchema"] = new JsonArray(new JsonObject { ["id"] = SchemaId, ["type"] = "1EdTechJsonSchemaValidator2019" }),
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = $"{urls.StatusList}#{award.StatusListIndex}",
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation",
                ["statusListIndex"] = award.StatusListIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["statusListCredential"] = urls.StatusList,
            },
        };
    }

    private static JsonObject IssuerRef(IssuerUrls urls) => new() { ["id"] = urls.Issuer, ["type"] = new JsonArray("Profile"), ["name"] = IssuerName };
}
