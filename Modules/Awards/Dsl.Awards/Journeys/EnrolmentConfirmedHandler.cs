using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>A confirmed place starts (or moves on) the setting's journey: its enrolment, cohort and region.</summary>
public static class EnrolmentConfirmedHandler
{
    public static async Task Handle(EnrolmentConfirmed confirmed, IDocumentSession session, CancellationToken ct)
    {
        var journey = await Journeys.LoadOrStartAsync(session, confirmed.SettingUrn, ct);
        journey.EnrolmentId = confirmed.EnrolmentId;
        journey.CohortId = confirmed.CohortId;
        journey.Region = confirmed.Region;
        session.Store(journey);
        session.Store(new AwardsEnrolment { Id = confirmed.EnrolmentId, SettingUrn = confirmed.SettingUrn });
    }
}
