using Dsl.Enrolment.Settings;

namespace Dsl.Enrolment.Enrolments;

/// <summary>The one place that tells Curriculum the enrolled lead's name, beside every EnrolmentConfirmed and on a new lead.</summary>
public static class LeadNaming
{
    public static async Task<LeadNamed> ForAsync(Enrolment enrolment, Lead? lead, IQuerySession session, CancellationToken ct)
    {
        lead ??= await session.LoadAsync<Lead>(enrolment.LeadId, ct);
        var setting = await session.LoadAsync<Setting>(enrolment.SettingUrn, ct);
        return new LeadNamed(enrolment.Id, lead?.Name ?? "", setting?.Name ?? enrolment.SettingUrn, enrolment.Region);
    }
}
