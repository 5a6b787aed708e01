using Dsl.Awards.Applications;
using Dsl.Awards.Awards;
using Dsl.Awards.Standards;
using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.DataProtection;

public static class LeadExportRequestedHandler
{
    /// <summary>Awards' part: the applications made during the lead's enrolment, its awards (without the signed credential) and standards subscriptions.</summary>
    public static async Task<AwardsLeadExport> Handle(LeadExportRequested request, IQuerySession session, CancellationToken ct)
    {
        var id = request.EnrolmentId;
        var awards = await session.Query<Award>().Where(a => a.EnrolmentId == id).ToListAsync(ct);
        return new AwardsLeadExport
        {
            RequestId = request.RequestId, EnrolmentId = id,
            Data = Erasure.ExportJson(new
            {
                applications = await session.Query<AwardApplication>().Where(a => a.EnrolmentId == id).ToListAsync(ct),
                awards = awards.Select(a => new { a.Id, a.SettingName, a.Status, a.ValidFrom, a.ValidUntil, a.RevokedAt, a.RevocationReason }),
                standardsSubscriptions = await session.Query<StandardsSubscription>().Where(s => s.EnrolmentId == id).ToListAsync(ct),
            }),
        };
    }
}
