using Dsl.Enrolment.Settings;

namespace Dsl.Enrolment.Enrolments;

/// <summary>The one place that tells Curriculum the enrolled lead's name, beside every EnrolmentConfirmed and on a new lead.</summary>
public static class LeadNaming
{
    public static async Task<LeadNamed> ForAsync(Enrolment enrolment, Lead? lead, IQuerySession session, CancellationToken ct)
    {
        lead ??= await session.LoadAsync<Lead>(enrolment.LeadId, ct);
        return For(enrolment, lead, await session.LoadAsync<Setting>(enrolment.SettingUrn, ct));
    }

    /// <summary>From a lead and setting already read (an endorsement reads them before it takes the cohort's lock).</summary>
    public static LeadNamed For(Enrolment enrolment, Lead? lead, Setting? setting) =>
        new(enrolment.Id, lead?.Name ?? "", setting?.Name ?? enrolment.SettingUrn, enrolment.Region);
}
