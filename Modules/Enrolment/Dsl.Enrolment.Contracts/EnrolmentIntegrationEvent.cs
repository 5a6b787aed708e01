using Dsl.BuildingBlocks.Contracts;

namespace Dsl.Enrolment.Contracts;

/// <summary>
/// What every enrolment event tells integrators and other modules. Carries no personal data: the
/// lead is identified only through the enrolment id.
/// </summary>
public abstract record EnrolmentIntegrationEvent : IntegrationEvent
{
    /// <summary>2: settingPhase and settingType were added (December 2026); 1 before.</summary>
    public const int CurrentSchemaVersion = 2;

    protected EnrolmentIntegrationEvent() => SchemaVersion = CurrentSchemaVersion;

    public Guid EnrolmentId { get; init; }
    public string SettingUrn { get; init; } = "";
    /// <summary>
    /// The setting's phase of education when it enrolled: primary, secondary, allThrough, sixteenPlus or
    /// notApplicable; null for an enrolment submitted before it was recorded (schema version 1).
    /// </summary>
    public string? SettingPhase { get; init; }
    /// <summary>
    /// The setting's type when it enrolled (academy, maintainedSchool, specialSchool, feCollege, …, other); null for an
    /// enrolment submitted before it was recorded (schema version 1).
    /// </summary>
    public string? SettingType { get; init; }
    public Guid CohortId { get; init; }
    /// <summary>Academic year id, e.g. "2023-24".</summary>
    public string AcademicYear { get; init; } = "";

    protected override string SubjectId => EnrolmentId.ToString();
}
