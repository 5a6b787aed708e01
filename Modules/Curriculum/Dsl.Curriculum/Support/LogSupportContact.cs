using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Workshops;

namespace Dsl.Curriculum.Support;

/// <param name="On">The day of the contact.</param>
/// <param name="ElementCodes">The element codes discussed.</param>
/// <param name="CatchUp">A catch-up for a missed workshop: its elements then count as covered.</param>
/// <param name="Note">Facilitator and admin only: the lead and head never see it.</param>
public sealed record LogSupportContact(SupportMode? Mode, DateOnly? On, int? Minutes, List<string>? ElementCodes, bool? CatchUp,
    string? Note)
{
    public sealed class Validator : AbstractValidator<LogSupportContact>
    {
        public Validator()
        {
            RuleFor(x => x.Mode).NotNull();
            RuleFor(x => x.On).NotNull();
            RuleFor(x => x.Minutes).NotNull().InclusiveBetween(1, 600);
            RuleFor(x => x.ElementCodes).WorkshopElements();
            RuleFor(x => x.ElementCodes).NotEmpty().When(x => x.CatchUp == true)
                .WithMessage("A catch-up names the elements it caught up on.");
            RuleFor(x => x.Note).MaximumLength(4000);
        }
    }
}

/// <summary>A support contact as read; Note is null for the lead and head.</summary>
public sealed record SupportContactView(Guid Id, Guid EnrolmentId, SupportMode Mode, DateOnly On, int Minutes,
    List<string> ElementCodes, bool CatchUp, string? Note, DateTimeOffset RecordedAt)
{
    public static SupportContactView From(SupportContact c, ClaimsPrincipal user) => new(c.Id, c.EnrolmentId, c.Mode, c.On,
        c.Minutes, c.ElementCodes, c.CatchUp, SettingAccess.IsSettingUser(user) ? null : c.Note, c.RecordedAt);
}

public static class LogSupportContactEndpoint
{
    /// <summary>Logs support given to a lead between workshops (admin or the cohort's facilitator); honours Idempotency-Key.</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/curriculum/progress/{enrolmentId}/support", OperationId = "LogSupportContact")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Log a support contact")]
    [ProducesResponseType<SupportContactView>(StatusCodes.Status201Created)]
    public static async Task<(IResult, OutgoingMessages)> Post(LogSupportContact command, Guid enrolmentId, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, IOptions<CurriculumOptions> options, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var lead = await LeadInCohort.LoadAsync(session, enrolmentId, ct);
        if (lead is null || !lead.CanRun(user)) return (Results.Problem(Problems.NotFound(LeadInCohort.NotFound(enrolmentId))), messages);
        var now = clock.GetUtcNow();
        var contact = new SupportContact
        {
            Id = Guid.CreateVersion7(now), EnrolmentId = enrolmentId, CohortId = lead.Progress.CohortId, Mode = command.Mode!.Value,
            On = command.On!.Value, Minutes = command.Minutes!.Value, ElementCodes = command.ElementCodes?.Distinct().ToList() ?? [],
            CatchUp = command.CatchUp ?? false, Note = command.Note, RecordedBy = user.UserId(), RecordedAt = now,
        };
        session.Insert(contact);
        if (contact.CatchUp && lead.Progress.Open)
        {
            var progress = lead.Progress;
            var marks = await session.Query<Attendance>().Where(a => a.EnrolmentId == enrolmentId).ToListAsync(ct);
            var contacts = await session.Query<SupportContact>().Where(c => c.EnrolmentId == enrolmentId && c.CatchUp).ToListAsync(ct);
            PhaseRules.Recount(progress, marks, contacts.Append(contact));
            ProgressFlow.Advance(progress, await ProgressFlow.EvidenceAsync(session, enrolmentId, ct), now, options.Value, messages);
            session.Store(progress);
        }
        return (TypedResults.Created($"/api/curriculum/progress/{enrolmentId}/support/{contact.Id}", SupportContactView.From(contact, user)),
            messages);
    }
}
