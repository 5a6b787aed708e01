using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>A transfer moves the setting to another cohort, and so to another facilitator who may not assess it.</summary>
public static class EnrolmentTransferredHandler
{
    public static IMartenOp Handle(EnrolmentTransferred transferred) => MartenOps.Store(new AwardsEnrolment
    {
        Id = transferred.EnrolmentId, SettingUrn = transferred.SettingUrn, CohortId = transferred.CohortId, Region = transferred.Region,
        ConfirmedAt = transferred.OccurredAt,
    });
}
