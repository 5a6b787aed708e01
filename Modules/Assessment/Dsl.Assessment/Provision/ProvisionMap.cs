using JasperFx;

namespace Dsl.Assessment.Provision;

public enum ServiceKind
{
    Mhst,
    Cypmhs,
    VoluntarySector,
    LocalAuthority,
    SchoolNursing,
    EducationalPsychology,
    Counselling,
    EarlyHelp,
    Other,
}

public enum ProvisionTier
{
    Universal,
    Targeted,
    Specialist,
}

/// <summary>The local services a setting works with (one document per setting, keyed by URN).</summary>
public sealed class ProvisionMap : IRevisioned
{
    public string Id { get; set; } = "";
    public List<LocalService> Services { get; set; } = [];
    public int Version { get; set; }
}

/// <param name="AgesServed">e.g. "11-18".</param>
/// <param name="ContactRole">A role to contact (e.g. "MHST senior practitioner"), never a person.</param>
public sealed record LocalService(Guid Id, string Name, ServiceKind Kind, ProvisionTier Tier, string? AgesServed,
    string? ReferralRoute, IReadOnlyList<string> Elements, string? ContactRole, string? Url);

/// <summary>An element and tier no mapped service covers.</summary>
public sealed record ProvisionGap(string ElementCode, ProvisionTier Tier);

public static class ProvisionRules
{
    /// <summary>Each element and tier with no service, in element then tier order.</summary>
    public static IReadOnlyList<ProvisionGap> Gaps(IEnumerable<LocalService> services, IReadOnlyList<string> elementCodes)
    {
        var covered = services.SelectMany(s => s.Elements.Select(e => (e, s.Tier))).ToHashSet();
        return elementCodes.SelectMany(code => Enum.GetValues<ProvisionTier>()
                .Where(tier => !covered.Contains((code, tier)))
                .Select(tier => new ProvisionGap(code, tier)))
            .ToList();
    }
}
