using JasperFx;

namespace Dsl.Enrolment.Settings;

public enum SettingType
{
    Academy,
    MaintainedSchool,
    SpecialSchool,
    AlternativeProvision,
    PupilReferralUnit,
    FeCollege,
    SixthFormCollege,
    SixteenToNineteenFreeSchool,
    IndependentSchool,
    IndependentSpecialSchool,
    Other,
}

public enum SettingPhase { Primary, Secondary, AllThrough, SixteenPlus, NotApplicable }

public enum Funding { StateFunded, Independent }

public enum SettingStatus { Open, Closed }

/// <summary>A school or college, identified by its DfE URN.</summary>
public sealed class Setting : IRevisioned
{
    /// <summary>The DfE unique reference number (GIAS URN), six digits.</summary>
    public string Urn { get; set; } = "";
    public string? Ukprn { get; set; }
    public string Name { get; set; } = "";
    public SettingType Type { get; set; }
    public SettingPhase Phase { get; set; }
    /// <summary>Derived from the type: independent schools self-fund.</summary>
    public Funding Funding => FundingOf(Type);
    public string LocalAuthority { get; set; } = "";
    /// <summary>Programme region code.</summary>
    public string Region { get; set; } = "";
    public SettingStatus Status { get; set; }
    public int Version { get; set; }

    /// <summary>The types that self-fund; every other type is state-funded.</summary>
    public static readonly SettingType[] IndependentTypes = [SettingType.IndependentSchool, SettingType.IndependentSpecialSchool];

    public static Funding FundingOf(SettingType type) =>
        IndependentTypes.Contains(type) ? Funding.Independent : Funding.StateFunded;
}
