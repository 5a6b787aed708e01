namespace Dsl.Curriculum.Workshops;

public enum AttendanceMark { Present, Late, Apologies, Absent }

/// <summary>
/// One lead's mark on one workshop's register (id "{workshopId:N}:{enrolmentId:N}", so re-taking the register
/// overwrites the mark). Kept with the lead's enrolment across a transfer. The note is for facilitators and admins only.
/// </summary>
public sealed class Attendance
{
    public string Id { get; set; } = "";
    public Guid WorkshopId { get; set; }
    public Guid EnrolmentId { get; set; }
    /// <summary>The workshop's cohort (the lead's cohort when marked).</summary>
    public Guid CohortId { get; set; }
    public AttendanceMark Mark { get; set; }
    /// <summary>Facilitator-only note about the lead (personal data: anonymised on erasure).</summary>
    public string? Note { get; set; }
    /// <summary>Copies of the workshop's facts when marked, so a lead's record reads without the workshop.</summary>
    public List<string> ElementCodes { get; set; } = [];
    public DateTimeOffset WorkshopStartsAt { get; set; }
    public DateTimeOffset WorkshopEndsAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>User id of who took the register.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>Present or late: the lead was there and the workshop's elements count as covered.</summary>
    public bool Attended => Mark is AttendanceMark.Present or AttendanceMark.Late;

    public static string IdFor(Guid workshopId, Guid enrolmentId) => $"{workshopId:N}:{enrolmentId:N}";
}
