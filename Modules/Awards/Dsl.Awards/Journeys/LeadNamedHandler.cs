using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>Keeps the setting's name for its credential; the lead's name, which the message also carries, is not kept.</summary>
public static class LeadNamedHandler
{
    public static async Task Handle(LeadNamed named, IDocumentSession session, CancellationToken ct)
    {
        if (await Journeys.OfEnrolmentAsync(session, named.EnrolmentId, ct) is not { } journey) return;
        journey.SettingName = named.SettingName;
        session.Store(journey);
    }
}
