using Dsl.Curriculum.Certificates;
using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Outcomes;
using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Support;
using Dsl.Curriculum.Workshops;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.DataProtection;

public static class LeadExportRequestedHandler
{
    /// <summary>Curriculum's part: progress, register marks with notes, support, outcome sign-offs, certificate name and certificates.</summary>
    public static async Task<CurriculumLeadExport> Handle(LeadExportRequested request, IQuerySession session, CancellationToken ct)
    {
        var id = request.EnrolmentId;
        return new CurriculumLeadExport
        {
            RequestId = request.RequestId, EnrolmentId = id,
            Data = Erasure.ExportJson(new
            {
                progress = await session.LoadAsync<LeadProgress>(id, ct),
                certificateName = await session.LoadAsync<LeadCertificateName>(id, ct),
                certificates = await session.Query<Certificate>().Where(c => c.EnrolmentId == id).ToListAsync(ct),
                attendance = await session.Query<Attendance>().Where(a => a.EnrolmentId == id).ToListAsync(ct),
                support = await session.Query<SupportContact>().Where(s => s.EnrolmentId == id).ToListAsync(ct),
                outcomeSignOffs = await session.Query<OutcomeSignOff>().Where(s => s.EnrolmentId == id).ToListAsync(ct),
            }),
        };
    }
}
