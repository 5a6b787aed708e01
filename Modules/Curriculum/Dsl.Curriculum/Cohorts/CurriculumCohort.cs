namespace Dsl.Curriculum.Cohorts;

/// <summary>
/// Curriculum's own copy of an Enrolment cohort, kept from dsl.enrolment.cohort-scheduled.v1 / cohort-changed.v1
/// (upserted by id; an event with an older revision than the copy is ignored).
/// </summary>
public sealed class CurriculumCohort
{
    public Guid Id { get; set; }
    /// <summary>Academic year id, e.g. "2026-27".</summary>
    public string AcademicYear { get; set; } = "";
    /// <summary>Programme region code, or "national".</summary>
    public string Region { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>faceToFace, virtual or blended, as Enrolment names it.</summary>
    public string DeliveryMode { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public int Capacity { get; set; }
    /// <summary>The facilitator's user id (token subject), if one is assigned.</summary>
    public string? FacilitatorId { get; set; }
    /// <summary>The Enrolment cohort's revision this copy reflects.</summary>
    public int Revision { get; set; }
}
