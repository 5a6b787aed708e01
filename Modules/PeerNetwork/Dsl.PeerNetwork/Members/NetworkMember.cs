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
    public DateTimeOffset JoinedAt { get; set; }
}
