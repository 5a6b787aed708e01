using Dsl.Enrolment.Placement;
using Dsl.Enrolment.Settings;

namespace Dsl.Enrolment.Enrolments;

/// <param name="EndorserName">The head teacher or senior leader endorsing.</param>
/// <param name="EndorserRole">Their role, e.g. "Head teacher".</param>
/// <param name="ConfirmsIndividual">They endorse this individual as the setting's lead.</param>
/// <param name="ConfirmsWholeSchoolApproachPlans">They endorse the setting's whole-school approach plans.</param>
public sealed record EndorseEnrolment(string EndorserName, string EndorserRole, bool? ConfirmsIndividual,
    bool? ConfirmsWholeSchoolApproachPlans)
{
    public sealed class Validator : AbstractValidator<EndorseEnrolment>
    {
        public Validator()
        {
            RuleFor(x => x.EndorserName).NotEmpty().MaximumLength(200);
            RuleFor(x => x.EndorserRole).NotEmpty().MaximumLength(200);
            RuleFor(x => x.ConfirmsIndividual).Equal(true)
                .WithMessage("The head or senior team must endorse the individual, whatever the lead's role.");
            RuleFor(x => x.ConfirmsWholeSchoolApproachPlans).Equal(true)
                .WithMessage("The head or senior team must endorse the setting's whole-school approach plans.");
        }
    }
}

public static class EndorseEnrolmentEndpoint
{
    public static ProblemDetails Validate(Enrolment enrolment, ClaimsPrincipal user) =>
        EnrolmentAccess.Check(user, enrolment, "endorse this enrolment", EnrolmentStatus.AwaitingEndorsement);

    /// <summary>
    /// Reads the lead and the setting (for the lead's naming message) in one round trip first, then locks: the
    /// cohort's lock is held only for what needs it, with no read of its own inside.
    /// </summary>
    public static async Task<(Lead?, Setting?, PlaceLedger)> LoadAsync(Enrolment enrolment, IDocumentSession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var lead = batch.Load<Lead>(enrolment.LeadId);
        var setting = batch.Load<Setting>(enrolment.SettingUrn);
        await batch.Execute(ct);
        return (await lead, await setting, await PlaceLedger.LockCohortAsync(session, enrolment.AcademicYearId, enrolment.CohortId, ct,
            queuePriority: enrolment.QueuePriority));
    }

    /// <summary>
    /// Endorses the lead (the setting's head, or admin) and allocates a place: confirmed when the cohort and
    /// the year have room and nobody waits ahead, otherwise waitlisted in endorsement order.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrHead)]
    [WolverinePost("/api/enrolments/{id}/endorsement", OperationId = "EndorseEnrolment")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("Endorse an enrolment")]
    public static (EnrolmentView, Events, OutgoingMessages) Post(EndorseEnrolment command,
        [WriteAggregate] Enrolment enrolment, Lead? lead, Setting? setting, PlaceLedger ledger, TimeProvider clock,
        HttpResponse response)
    {
        var now = clock.GetUtcNow();
        var events = new Events { new Endorsed(command.EndorserName.Trim(), command.EndorserRole.Trim(), now) };
        var messages = new OutgoingMessages { new EnrolmentEndorsed().About(enrolment, now) };

        if (!enrolment.HoldsPlace)
        {
            if (ledger.HasRoom(enrolment.CohortId) && ledger.QueueAhead == 0)
            {
                ledger.Hold(enrolment.CohortId);
                events.Add(new PlaceAllocated(now));
                messages.Add(LeadNaming.Confirmed(enrolment, now, LeadNaming.For(enrolment, lead, setting)));
            }
            else
            {
                events.Add(new Waitlisted(now));
                messages.Add(new EnrolmentWaitlisted().About(enrolment, now));
            }
        }

        return (enrolment.ViewAfter(events, lead, response), events, messages);
    }
}
