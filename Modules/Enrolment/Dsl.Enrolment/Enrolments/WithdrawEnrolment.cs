using Dsl.Enrolment.Placement;

namespace Dsl.Enrolment.Enrolments;

/// <param name="Reason">leadLeft, settingDecision, offerDeclined or other.</param>
public sealed record WithdrawEnrolment(WithdrawalReason? Reason)
{
    public sealed class Validator : AbstractValidator<WithdrawEnrolment>
    {
        public Validator() => RuleFor(x => x.Reason).NotNull();
    }
}

public static class WithdrawEnrolmentEndpoint
{
    public static ProblemDetails Validate(Enrolment enrolment, ClaimsPrincipal user) =>
        EnrolmentAccess.Check(user, enrolment, "withdraw this enrolment", EnrolmentStatus.AwaitingEndorsement,
            EnrolmentStatus.Confirmed, EnrolmentStatus.Waitlisted, EnrolmentStatus.PlaceOffered);

    public static Task<PlaceLedger> LoadAsync(Enrolment enrolment, IDocumentSession session, CancellationToken ct) =>
        PlaceLedger.LockCohortAsync(session, enrolment.AcademicYearId, enrolment.CohortId, ct);

    /// <summary>
    /// Withdraws the enrolment (the setting's head, or admin). A held place is offered to the next in line;
    /// before the embedding phase the setting may enrol again.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrHead)]
    [WolverinePost("/api/enrolments/{id}/withdrawal", OperationId = "WithdrawEnrolment")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("Withdraw an enrolment")]
    public static async Task<(EnrolmentView, Events, OutgoingMessages)> Post(WithdrawEnrolment command,
        [WriteAggregate] Enrolment enrolment, PlaceLedger ledger, IDocumentSession session, TimeProvider clock,
        IOptions<EnrolmentOptions> options, HttpResponse response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var events = new Events { new Withdrawn(command.Reason!.Value, now) };
        var messages = new OutgoingMessages
        {
            new EnrolmentWithdrawn { Reason = EnrolmentAccess.Camel(command.Reason.Value) }.About(enrolment, now),
        };
        if (!enrolment.UsedFundedPlace) session.Delete<SettingPlace>(enrolment.SettingUrn);
        await PlaceOffers.ReleaseAndOffer(ledger, enrolment, session, now, options.Value.OfferExpiry, messages, ct);

        return (await enrolment.ViewAfterAsync(events, session, response, ct), events, messages);
    }
}
