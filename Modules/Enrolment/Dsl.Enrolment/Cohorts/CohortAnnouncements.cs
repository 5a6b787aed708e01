namespace Dsl.Enrolment.Cohorts;

/// <summary>
/// Marks a cohort whose <c>cohort-scheduled</c> event has been published, written in the transaction that publishes
/// it: a cohort without one existed before the event did and is announced by <see cref="AnnounceExistingCohorts"/>.
/// </summary>
public sealed class AnnouncedCohort
{
    /// <summary>The cohort id.</summary>
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed record CohortFacts(string AcademicYearId, string Region, DeliveryMode DeliveryMode, string Name,
    DateOnly StartsOn, int Capacity, string? FacilitatorId);

public static class CohortAnnouncements
{
    /// <summary>What cohort events publish, to tell whether a change changed any of it.</summary>
    public static CohortFacts Facts(Cohort c) =>
        new(c.AcademicYearId, c.Region, c.DeliveryMode, c.Name, c.StartsOn, c.Capacity, c.FacilitatorId);

    /// <summary>The public event for a cohort as it now stands.</summary>
    public static T Describe<T>(this T @event, Cohort cohort, DateTimeOffset at) where T : CohortIntegrationEvent =>
        (T)((CohortIntegrationEvent)@event with
        {
            EventId = Guid.CreateVersion7(at),
            OccurredAt = at,
            Region = cohort.Region,
            CohortId = cohort.Id,
            AcademicYear = cohort.AcademicYearId,
            DeliveryMode = Enrolments.IntegrationEvents.ContractValue<DeliveryMode>(cohort.DeliveryMode)!,
            Name = cohort.Name,
            StartsOn = cohort.StartsOn,
            Capacity = cohort.Capacity,
            FacilitatorId = cohort.FacilitatorId,
            Revision = cohort.Version,
        });
}
