using Dsl.BuildingBlocks.Contracts;

namespace Dsl.Enrolment.Contracts;

/// <summary>
/// What every enrolment event tells integrators and other modules. Carries no personal data: the
/// lead is identified only through the enrolment id.
/// </summary>
public abstract record EnrolmentIntegrationEvent : IIntegrationEvent
{
    /// <summary>Unique per event; the same on every redelivery.</summary>
    public Guid EventId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public Guid EnrolmentId { get; init; }
    public string SettingUrn { get; init; } = "";
    public Guid CohortId { get; init; }
    /// <summary>Programme region code, e.g. "north-west".</summary>
    public string Region { get; init; } = "";
    /// <summary>Academic year id, e.g. "2023-24".</summary>
    public string AcademicYear { get; init; } = "";
    public int SchemaVersion { get; init; } = 1;

    // Explicit, so the subject is not repeated inside the event's data.
    string IIntegrationEvent.Subject => EnrolmentId.ToString();
}
