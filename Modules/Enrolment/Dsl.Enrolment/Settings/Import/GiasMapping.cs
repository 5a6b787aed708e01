namespace Dsl.Enrolment.Settings.Import;

/// <summary>
/// How a DfE "Get Information about Schools" establishment row becomes a setting. Values are
/// matched case-insensitively; anything not listed is reported, never guessed.
/// </summary>
public static class GiasMapping
{
    private static readonly Dictionary<string, SettingType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Community school"] = SettingType.MaintainedSchool,
        ["Voluntary aided school"] = SettingType.MaintainedSchool,
        ["Voluntary controlled school"] = SettingType.MaintainedSchool,
        ["Foundation school"] = SettingType.MaintainedSchool,
        ["Local authority nursery school"] = SettingType.MaintainedSchool,
        ["Academy converter"] = SettingType.Academy,
        ["Academy sponsor led"] = SettingType.Academy,
        ["Free schools"] = SettingType.Academy,
        ["University technical college"] = SettingType.Academy,
        ["Studio schools"] = SettingType.Academy,
        ["City technology college"] = SettingType.Academy,
        ["Academy 16-19 converter"] = SettingType.Academy,
        ["Academy 16 to 19 sponsor led"] = SettingType.Academy,
        ["Community special school"] = SettingType.SpecialSchool,
        ["Foundation special school"] = SettingType.SpecialSchool,
        ["Academy special converter"] = SettingType.SpecialSchool,
        ["Academy special sponsor led"] = SettingType.SpecialSchool,
        ["Free schools special"] = SettingType.SpecialSchool,
        ["Non-maintained special school"] = SettingType.SpecialSchool,
        ["Pupil referral unit"] = SettingType.PupilReferralUnit,
        ["Academy alternative provision converter"] = SettingType.AlternativeProvision,
        ["Academy alternative provision sponsor led"] = SettingType.AlternativeProvision,
        ["Free schools alternative provision"] = SettingType.AlternativeProvision,
        ["Free schools 16 to 19"] = SettingType.SixteenToNineteenFreeSchool,
        ["Further education"] = SettingType.FeCollege,
        ["Sixth form centres"] = SettingType.SixthFormCollege,
        ["Other independent school"] = SettingType.IndependentSchool,
        ["Other independent special school"] = SettingType.IndependentSpecialSchool,
        ["Independent schools approved for SEN pupils"] = SettingType.IndependentSpecialSchool,
        ["Special post 16 institution"] = SettingType.Other,
        ["Secure units"] = SettingType.Other,
        ["Institution funded by other government department"] = SettingType.Other,
    };

    /// <summary>Establishment types outside the programme's scope, with the reason given in the report.</summary>
    private static readonly Dictionary<string, string> OutOfScope = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Higher education institutions"] = "higher education is outside the programme",
        ["Welsh establishment"] = "establishments in Wales are outside the programme",
        ["British schools overseas"] = "schools overseas are outside the programme",
        ["Offshore schools"] = "offshore schools are outside the programme",
        ["Service children's education"] = "service children's education is outside the programme",
        ["Online provider"] = "online providers are outside the programme",
        ["Miscellaneous"] = "miscellaneous establishments are outside the programme",
    };

    private static readonly Dictionary<string, SettingPhase> Phases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Primary"] = SettingPhase.Primary,
        ["Middle deemed primary"] = SettingPhase.Primary,
        ["Secondary"] = SettingPhase.Secondary,
        ["Middle deemed secondary"] = SettingPhase.Secondary,
        ["All-through"] = SettingPhase.AllThrough,
        ["16 plus"] = SettingPhase.SixteenPlus,
        ["Nursery"] = SettingPhase.NotApplicable,
        ["Not applicable"] = SettingPhase.NotApplicable,
        [""] = SettingPhase.NotApplicable,
    };

    /// <summary>The nine government office regions, folded into the programme's seven (ProgrammeRegions holds the mapping).</summary>
    public static string? Region(string governmentOfficeRegion) =>
        ProgrammeRegions.ForGovernmentOfficeRegion(governmentOfficeRegion)?.Code;

    /// <summary>The setting type, or the reason the row cannot be imported.</summary>
    public static (SettingType? Type, string? Problem) Type(string typeOfEstablishment, string furtherEducationType)
    {
        var name = typeOfEstablishment.Trim();
        if (OutOfScope.TryGetValue(name, out var reason)) return (null, reason);
        if (!Types.TryGetValue(name, out var type)) return (null, $"establishment type '{name}' is not one DSL knows");
        if (type == SettingType.FeCollege && furtherEducationType.Contains("sixth form", StringComparison.OrdinalIgnoreCase))
            type = SettingType.SixthFormCollege;
        return (type, null);
    }

    public static SettingPhase? Phase(string phaseOfEducation) =>
        Phases.TryGetValue(phaseOfEducation.Trim(), out var phase) ? phase : null;

    /// <summary>"Open" and "Open, but proposed to close" are open; closed or not yet open are closed.</summary>
    public static SettingStatus Status(string establishmentStatus) =>
        establishmentStatus.Trim().StartsWith("Open", StringComparison.OrdinalIgnoreCase) ? SettingStatus.Open : SettingStatus.Closed;
}
