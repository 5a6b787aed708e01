using Dsl.Enrolment.Contracts;

namespace Dsl.PeerNetwork.Members;

/// <summary>A lead in their region's reflective-practice peer support network.</summary>
public sealed class NetworkMember
{
    /// <summary>The enrolment id.</summary>
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    /// <summary>The regional network the lead belongs to (programme region code).</summary>
    public string Region { get; set; } = "";
    public string AcademicYear { get; set; } = "";
    public Guid CohortId { get; set; }
    /// <summary>primary, secondary, allThrough, sixteenPlus or notApplicable (null when Enrolment did not know it).</summary>
    public string? SettingPhase { get; set; }
    /// <summary>academy, maintainedSchool, specialSchool, feCollege, … (null when Enrolment did not know it).</summary>
    public string? SettingType { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>The lead's consent to appear in the network's directory; null when never given.</summary>
    public DirectoryListing? Directory { get; set; }

    public bool Listed => Directory is { Listed: true };

    /// <summary>Takes the facts an enrolment event carries (a later event may fill in what an older one lacked).</summary>
    public void Take(EnrolmentIntegrationEvent fact)
    {
        SettingUrn = fact.SettingUrn;
        Region = fact.Region;
        AcademicYear = fact.AcademicYear;
        CohortId = fact.CohortId;
        SettingPhase = fact.SettingPhase ?? SettingPhase;
        SettingType = fact.SettingType ?? SettingType;
    }
}

/// <summary>
/// What the lead chose to show peers, and when they consented (or withdrew it). Withdrawn consent clears the name
/// and text at once, so nothing is left to list.
/// </summary>
public sealed record DirectoryListing(bool Listed, string? DisplayName, string? About, DateTimeOffset? ConsentedAt,
    DateTimeOffset? WithdrawnAt);
