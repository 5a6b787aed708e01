using Dsl.Curriculum.Calendars;
using Dsl.Curriculum.Certificates;
using Dsl.Curriculum.Contracts;
using Dsl.Curriculum.Outcomes;
using Dsl.Curriculum.Support;
using Dsl.Curriculum.Workshops;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.DataProtection;

public static class LeadErasureRequestedHandler
{
    /// <summary>
    /// Anonymises the lead's name for the certificate and the facilitators' free text about them (register notes,
    /// support notes, outcome evidence), and revokes private calendar links to their record. Marks, minutes, dates and
    /// phases stay, so progress and completion still count. Idempotent: what is erased stays erased.
    /// </summary>
    public static async Task<CurriculumLeadErased> Handle(LeadErasureRequested request, IDocumentSession session, CancellationToken ct)
    {
        var id = request.EnrolmentId;
        var erased = new ErasedKinds(session);
        await erased.AnonymiseAsync<LeadCertificateName>("certificateName", id, n => n.LeadName = Erasure.Placeholder, ct);
        await erased.AnonymiseAsync<Attendance>("attendanceNotes", a => a.EnrolmentId == id && a.Note != null,
            a => a.Note = Erasure.Placeholder, ct);
        await erased.AnonymiseAsync<SupportContact>("supportNotes", s => s.EnrolmentId == id && s.Note != null,
            s => s.Note = Erasure.Placeholder, ct);
        await erased.AnonymiseAsync<OutcomeSignOff>("outcomeEvidence", s => s.EnrolmentId == id, s =>
        {
            s.Evidence = Erasure.Placeholder;
            s.WithdrawalReason = Erasure.Blank(s.WithdrawalReason);
        }, ct);
        await erased.DeleteAsync<CalendarLink>("calendarLinks", l => l.EnrolmentId == id, ct);
        return new CurriculumLeadErased { RequestId = request.RequestId, EnrolmentId = id, Kinds = erased.Kinds };
    }
}
