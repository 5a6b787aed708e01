using Dsl.Curriculum.Contracts;

namespace Dsl.Curriculum.Progress;

public static class IntegrationEvents
{
    /// <summary>Fills in the fields every Curriculum event carries from the lead's progress record.</summary>
    public static T About<T>(this T @event, LeadProgress progress, DateTimeOffset at) where T : CurriculumIntegrationEvent =>
        (T)((CurriculumIntegrationEvent)@event with
        {
            EventId = Guid.CreateVersion7(at),
            OccurredAt = at,
            EnrolmentId = progress.Id,
            CohortId = progress.CohortId,
            Region = progress.Region,
            AcademicYear = progress.AcademicYear,
        });
}
