namespace Dsl.Curriculum.Support;

public enum SupportMode { FaceToFace, Email, VideoCall, Phone }

/// <summary>Support a facilitator gave a lead between workshops; a catch-up covers a missed workshop's elements.</summary>
public sealed class SupportContact
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    /// <summary>The lead's cohort when the contact was logged.</summary>
    public Guid CohortId { get; set; }
    public SupportMode Mode { get; set; }
    public DateOnly On { get; set; }
    public int Minutes { get; set; }
    public List<string> ElementCodes { get; set; } = [];
    /// <summary>A catch-up for a missed workshop: its elements count as covered for the phase rule.</summary>
    public bool CatchUp { get; set; }
    /// <summary>Facilitator and admin only; never shown to the lead or head (personal data: anonymised on erasure).</summary>
    public string? Note { get; set; }
    public string? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
