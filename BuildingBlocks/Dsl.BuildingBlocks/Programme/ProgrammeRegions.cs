namespace Dsl.BuildingBlocks.Programme;

/// <summary>One of the programme's seven delivery regions, and the government office regions it covers.</summary>
public sealed record Region(string Code, string Name, IReadOnlyList<string> GovernmentOfficeRegions);

/// <summary>
/// The seven regions the DfE named for delivery. Fixed by the programme, so held in code, once, for every
/// module and the host (events and webhook filters carry the codes as plain strings).
/// </summary>
public static class ProgrammeRegions
{
    public static readonly IReadOnlyList<Region> All =
    [
        new("north-east-and-yorkshire", "North-East and Yorkshire", ["North East", "Yorkshire and the Humber"]),
        new("north-west", "North-West", ["North West"]),
        new("east-of-england", "East of England", ["East of England"]),
        new("midlands", "Midlands", ["East Midlands", "West Midlands"]),
        new("london", "London", ["London"]),
        new("south-east", "South East", ["South East"]),
        new("south-west", "South West", ["South West"]),
    ];

    /// <summary>What national (often virtual) cohorts and their events carry instead of a region code.</summary>
    public const string National = "national";

    /// <summary>The codes, comma-separated, for messages that list the allowed values.</summary>
    public static readonly string Codes = string.Join(", ", All.Select(r => r.Code));

    private static readonly Dictionary<string, Region> ByGovernmentOfficeRegion = All
        .SelectMany(r => r.GovernmentOfficeRegions.Select(gor => (gor, r)))
        .ToDictionary(x => x.gor, x => x.r, StringComparer.OrdinalIgnoreCase);

    public static Region? Find(string code) => All.FirstOrDefault(r => r.Code == code);

    public static bool Exists(string? code) => code is not null && Find(code) is not null;

    /// <summary>A region code or <see cref="National"/>: what a cohort, and so every event about it, belongs to.</summary>
    public static bool ExistsOrNational(string? code) => code == National || Exists(code);

    /// <summary>The programme region of an English government office region (GIAS "GOR (name)"), matched case-insensitively.</summary>
    public static Region? ForGovernmentOfficeRegion(string governmentOfficeRegion) =>
        ByGovernmentOfficeRegion.GetValueOrDefault(governmentOfficeRegion.Trim());
}
