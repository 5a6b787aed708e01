namespace Dsl.Enrolment.Enrolments;

/// <summary>
/// The person nominated as lead. Personal data lives here, not in events, so an erasure request
/// can blank this document without touching the enrolment's history or the reports.
/// </summary>
public sealed class Lead
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string JobTitle { get; set; } = "";
    public bool OnSeniorLeadershipTeam { get; set; }
}

/// <summary>A setting's one active enrolment: inserting it twice fails, so concurrent submissions cannot both win.</summary>
public sealed class SettingPlace
{
    /// <summary>The setting's URN.</summary>
    public string Id { get; set; } = "";
    public Guid EnrolmentId { get; set; }
}
