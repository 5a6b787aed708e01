using Dsl.Enrolment.Enrolments;

namespace Dsl.Enrolment.DataProtection;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

public static class LeadExportRequestedHandler
{
    /// <summary>Enrolment's part: the lead as recorded, the endorsement and the enrolment's history.</summary>
    public static async Task<EnrolmentLeadExport> Handle(LeadExportRequested request, IQuerySession session, CancellationToken ct)
    {
        var enrolment = await session.LoadAsync<Enrolment>(request.EnrolmentId, ct);
        var lead = enrolment is null ? null : await session.LoadAsync<Lead>(enrolment.LeadId, ct);
        var erasures = await session.Query<ErasureRecord>().Where(r => r.EnrolmentId == request.EnrolmentId).ToListAsync(ct);
        return new EnrolmentLeadExport
        {
            RequestId = request.RequestId, EnrolmentId = request.EnrolmentId,
            Data = Erasure.ExportJson(new
            {
                enrolment = enrolment is null ? null : EnrolmentView.From(enrolment, lead),
                erasureRequests = erasures.Select(r => new { requestId = r.Id, r.Reason, r.RequestedOn, r.RecordedAt }),
            }),
        };
    }
}
