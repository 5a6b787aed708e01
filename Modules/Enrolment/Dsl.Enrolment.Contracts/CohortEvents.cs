using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Contracts;

/// <summary>
/// A cohort as it now stands: every cohort event carries all of its facts, so a module or integrator keeps its own
/// copy by upserting on <see cref="CohortId"/> and rebuilds it by reading the feed from the start. Region is the
/// programme region code, or "national".
/// </summary>
public abstract record CohortIntegrationEvent : IntegrationEvent
{
    public Guid CohortId { get; init; }
    /// <summary>Academic year id, e.g. "2023-24".</summary>
    public string AcademicYear { get; init; } = "";
    /// <summary>faceToFace, virtual or blended.</summary>
    public string DeliveryMode { get; init; } = "";
    public string Name { get; init; } = "";
    public DateOnly StartsOn { get; init; }
    /// <summary>Funded places in the cohort.</summary>
    public int Capacity { get; init; }
    /// <summary>The facilitator's user id (token subject), if one is assigned.</summary>
    public string? FacilitatorId { get; init; }
    /// <summary>The cohort's revision (its ETag): a later event about a cohort has a higher one.</summary>
    public int Revision { get; init; }

    protected override string SubjectId => CohortId.ToString();
}

/// <summary>
/// A cohort was created (also published once for every cohort that existed before this event did, so modules that
/// start later catch up).
/// </summary>
[MessageIdentity("dsl.enrolment.cohort-scheduled.v1")]
public sealed record CohortScheduled : CohortIntegrationEvent;

/// <summary>A cohort's name, delivery mode, start date, capacity, facilitator or region changed; it carries the cohort as it now is.</summary>
[MessageIdentity("dsl.enrolment.cohort-changed.v1")]
public sealed record CohortChanged : CohortIntegrationEvent;
