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
        var kinds = new List<string>();
        if (await session.LoadAsync<LeadCertificateName>(id, ct) is { } name)
        {
            name.LeadName = Erasure.Placeholder;
            session.Store(name);
            kinds.Add("certificateName");
        }

        var marks = await session.Query<Attendance>().Where(a => a.EnrolmentId == id && a.Note != null).ToListAsync(ct);
        foreach (var mark in marks) mark.Note = Erasure.Placeholder;
        session.Store(marks.ToArray());
        if (marks.Count > 0) kinds.Add("attendanceNotes");

        var contacts = await session.Query<SupportContact>().Where(s => s.EnrolmentId == id && s.Note != null).ToListAsync(ct);
        foreach (var contact in contacts) contact.Note = Erasure.Placeholder;
        session.Store(contacts.ToArray());
        if (contacts.Count > 0) kinds.Add("supportNotes");

        var signOffs = await session.Query<OutcomeSignOff>().Where(s => s.EnrolmentId == id).ToListAsync(ct);
        foreach (var signOff in signOffs)
        {
            signOff.Evidence = Erasure.Placeholder;
            signOff.WithdrawalReason = Erasure.Blank(signOff.WithdrawalReason);
        }
        session.Store(signOffs.ToArray());
        if (signOffs.Count > 0) kinds.Add("outcomeEvidence");

        var links = await session.Query<CalendarLink>().Where(l => l.EnrolmentId == id).ToListAsync(ct);
        foreach (var link in links) session.Delete(link);
        if (links.Count > 0) kinds.Add("calendarLinks");

        return new CurriculumLeadErased { RequestId = request.RequestId, EnrolmentId = id, Kinds = kinds };
    }
}
