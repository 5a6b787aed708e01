using Dsl.Curriculum.Cohorts;
using Dsl.Curriculum.Progress;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Workshops;

/// <param name="EnrolmentId">The lead's enrolment (a lead of the workshop's cohort).</param>
/// <param name="Note">Facilitator-only note about the lead; never shown to the lead or head.</param>
public sealed record AttendanceEntry(Guid? EnrolmentId, AttendanceMark? Mark, string? Note);

/// <param name="Marks">One lead, or the whole register at once.</param>
public sealed record RecordAttendance(List<AttendanceEntry>? Marks)
{
    public sealed class Validator : AbstractValidator<RecordAttendance>
    {
        public Validator()
        {
            RuleFor(x => x.Marks).NotEmpty();
            RuleForEach(x => x.Marks).ChildRules(entry =>
            {
                entry.RuleFor(e => e.EnrolmentId).NotNull();
                entry.RuleFor(e => e.Mark).NotNull();
                entry.RuleFor(e => e.Note).MaximumLength(2000);
            });
            RuleFor(x => x.Marks).Must(m => m is null || m.Select(e => e.EnrolmentId).Distinct().Count() == m.Count)
                .WithMessage("Each lead appears once on the register.");
        }
    }
}

/// <summary>A register as a facilitator reads it: every mark with its note.</summary>
public sealed record RegisterView(Guid WorkshopId, List<RegisterEntry> Entries);

public sealed record RegisterEntry(Guid EnrolmentId, AttendanceMark Mark, string? Note, DateTimeOffset RecordedAt);

public static class RecordAttendanceEndpoint
{
    public const string MissedWorkshop = "missedWorkshop";

    /// <summary>
    /// Takes the register of a workshop that has started (admin or the cohort's facilitator): one lead or all of them.
    /// A lead marked absent or apologies is flagged at risk in Enrolment; attendance moves a lead on by the phase rules.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePut("/api/curriculum/workshops/{id}/attendance", OperationId = "RecordAttendance")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Take a workshop's register")]
    [ProducesResponseType<RegisterView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Put(RecordAttendance command, Guid id, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var workshop = await session.LoadAsync<Workshop>(id, ct);
        var cohort = workshop is null ? null : await session.LoadAsync<CurriculumCohort>(workshop.CohortId, ct);
        if (workshop is null || !CohortAccess.CanRun(user, cohort))
            return (Results.Problem(Problems.NotFound($"There is no workshop {id}.")), messages);
        var now = clock.GetUtcNow();
        if (workshop.Status == WorkshopStatus.Cancelled) return (Results.Problem(Problems.Conflict("The workshop is cancelled.")), messages);
        if (now < workshop.StartsAt) return (Results.Problem(Problems.Conflict("The register opens when the workshop starts.")), messages);

        var ids = command.Marks!.Select(m => m.EnrolmentId!.Value).ToList();
        var leads = (await session.LoadManyAsync<LeadProgress>(ct, ids)).ToDictionary(p => p.Id);
        for (var i = 0; i < ids.Count; i++)
            if (!leads.TryGetValue(ids[i], out var lead) || lead.CohortId != workshop.CohortId || !lead.Open)
                return (Results.Problem(Problems.Invalid($"marks[{i}].enrolmentId", $"{ids[i]} is not a lead of this workshop's cohort.")), messages);

        var before = (await session.LoadManyAsync<Attendance>(ct, ids.Select(e => Attendance.IdFor(id, e)).ToArray()))
            .ToDictionary(a => a.EnrolmentId);
        foreach (var entry in command.Marks!)
        {
            var lead = leads[entry.EnrolmentId!.Value];
            var mark = new Attendance
            {
                Id = Attendance.IdFor(id, lead.Id), WorkshopId = id, EnrolmentId = lead.Id, CohortId = workshop.CohortId,
                Mark = entry.Mark!.Value, Note = entry.Note, ElementCodes = workshop.ElementCodes,
                WorkshopStartsAt = workshop.StartsAt, WorkshopEndsAt = workshop.EndsAt, RecordedAt = now, RecordedBy = user.UserId(),
            };
            session.Store(mark);
            // A miss is flagged once per workshop, not again when the register is re-taken with the same miss.
            if (!mark.Attended && before.GetValueOrDefault(lead.Id) is not { Attended: false })
                messages.Add(new FlagEnrolmentAtRisk(lead.Id, MissedWorkshop));
            await ProgressFlow.RecountAsync(session, lead, ct, mark);
            ProgressFlow.Advance(lead, await ProgressFlow.EvidenceAsync(session, lead.Id, ct), now, options.Value, messages);
            session.Store(lead);
        }

        var register = await RegisterAsync(session, id, ct);
        foreach (var entry in command.Marks!)
            register.RemoveAll(r => r.EnrolmentId == entry.EnrolmentId);
        register.AddRange(command.Marks!.Select(m => new RegisterEntry(m.EnrolmentId!.Value, m.Mark!.Value, m.Note, now)));
        return (TypedResults.Ok(new RegisterView(id, register.OrderBy(r => r.EnrolmentId).ToList())), messages);
    }

    public static async Task<List<RegisterEntry>> RegisterAsync(IQuerySession session, Guid workshopId, CancellationToken ct) =>
        (await session.Query<Attendance>().Where(a => a.WorkshopId == workshopId).ToListAsync(ct))
        .Select(a => new RegisterEntry(a.EnrolmentId, a.Mark, a.Note, a.RecordedAt)).OrderBy(r => r.EnrolmentId).ToList();
}
