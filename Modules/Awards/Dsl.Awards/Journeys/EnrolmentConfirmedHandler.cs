using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>A confirmed place: the setting's enrolment, cohort and region (the same on redelivery).</summary>
public static class EnrolmentConfirmedHandler
{
    public static IMartenOp Handle(EnrolmentConfirmed confirmed) => MartenOps.Store(new AwardsEnrolment
    {
        Id = confirmed.EnrolmentId, SettingUrn = confirmed.SettingUrn, CohortId = confirmed.CohortId, Region = confirmed.Region,
        ConfirmedAt = confirmed.OccurredAt,
    });
}
