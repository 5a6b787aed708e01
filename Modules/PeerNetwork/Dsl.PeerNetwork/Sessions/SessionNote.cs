namespace Dsl.PeerNetwork.Sessions;

/// <summary>
/// A confidential note from a set's session: what is said stays in the set. Read and written only by the set's
/// members and its facilitator; its text is never put in an event, a log line or a span.
/// </summary>
public sealed class SessionNote
{
    public Guid Id { get; set; }
    public Guid SetId { get; set; }
    public int SessionNumber { get; set; }
    /// <summary>The author: a member's enrolment id, or null when the facilitator wrote it.</summary>
    public Guid? AuthorEnrolmentId { get; set; }
    public string? AuthorFacilitatorId { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset WrittenAt { get; set; }
}
