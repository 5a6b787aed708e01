using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>A transfer moves the setting to another cohort, and so to another facilitator who may not assess it.</summary>
public static class EnrolmentTransferredHandler
{
    public static async Task Handle(EnrolmentTransferred transferred, IDocumentSession session, CancellationToken ct)
    {
        var journey = await session.LoadAsync<SettingJourney>(transferred.SettingUrn, ct);
        if (journey is null || journey.EnrolmentId != transferred.EnrolmentId) return;
        journey.CohortId = transferred.CohortId;
        journey.Region = transferred.Region;
        session.Store(journey);
    }
}
