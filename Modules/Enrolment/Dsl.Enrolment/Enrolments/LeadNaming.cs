using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.Settings;

namespace Dsl.Enrolment.Enrolments;

/// <summary>The one place that tells the modules the enrolled lead's name, with every EnrolmentConfirmed and on a new lead.</summary>
public static class LeadNaming
{
    /// <summary>
    /// A confirmation and the lead's name sent together: each module that keeps both gets them in one envelope
    /// (ADR 0042); the integration event log and PeerNetwork get the confirmation as if sent alone.
    /// </summary>
    public static SentTogether<EnrolmentConfirmed, LeadNamed> Confirmed(Enrolment enrolment, DateTimeOffset now, LeadNamed named) =>
        new(new EnrolmentConfirmed().About(enrolment, now), named);

    public static async Task<LeadNamed> ForAsync(Enrolment enrolment, Lead? lead, IQuerySession session, CancellationToken ct)
    {
        lead ??= await session.LoadAsync<Lead>(enrolment.LeadId, ct);
        return For(enrolment, lead, await session.LoadAsync<Setting>(enrolment.SettingUrn, ct));
    }

    /// <summary>From a lead and setting already read (an endorsement reads them before it takes the cohort's lock).</summary>
    public static LeadNamed For(Enrolment enrolment, Lead? lead, Setting? setting) =>
        new(enrolment.Id, lead?.Name ?? "", setting?.Name ?? enrolment.SettingUrn, enrolment.Region);
}
