using Dsl.Enrolment.Placement;

namespace Dsl.Enrolment.Enrolments;

public static class AcceptPlaceOfferEndpoint
{
    public static ProblemDetails Validate(Enrolment enrolment, ClaimsPrincipal user, TimeProvider clock)
    {
        var problem = EnrolmentAccess.Check(user, enrolment, "accept a place offer", EnrolmentStatus.PlaceOffered);
        if (!ReferenceEquals(problem, WolverineContinue.NoProblems)) return problem;
        return enrolment.Offer!.ExpiresAt <= clock.GetUtcNow()
            ? Problems.Conflict("The place offer has expired.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>Accepts the place offered from the waitlist (the setting's head, or admin): the enrolment is confirmed.</summary>
    [Authorize(Roles = Roles.AdminOrHead)]
    [WolverinePost("/api/enrolments/{id}/offer/accept", OperationId = "AcceptPlaceOffer")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("Accept a place offer")]
    public static async Task<(EnrolmentView, Events, OutgoingMessages)> Post([WriteAggregate] Enrolment enrolment,
        IQuerySession session, TimeProvider clock, HttpResponse response,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var events = new Events { new PlaceOfferAccepted(enrolment.Offer!.OfferId, now) };
        var messages = new OutgoingMessages { LeadNaming.Confirmed(enrolment, now, await LeadNaming.ForAsync(enrolment, null, session, ct)) };

        return (await enrolment.ViewAfterAsync(events, session, response, ct), events, messages);
    }
}

public static class DeclinePlaceOfferEndpoint
{
    public static ProblemDetails Validate(Enrolment enrolment, ClaimsPrincipal user) =>
        EnrolmentAccess.Check(user, enrolment, "decline a place offer", EnrolmentStatus.PlaceOffered);

    /// <summary>Declines the offered place (the setting's head, or admin): the enrolment is withdrawn and the place moves on.</summary>
    [Authorize(Roles = Roles.AdminOrHead)]
    [WolverinePost("/api/enrolments/{id}/offer/decline", OperationId = "DeclinePlaceOffer")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("Decline a place offer")]
    public static async Task<(EnrolmentView, Events, OutgoingMessages)> Post([WriteAggregate] Enrolment enrolment,
        IDocumentSession session, TimeProvider clock, IOptions<EnrolmentOptions> options, HttpResponse response,
        CancellationToken ct)
    {
        // Locked here rather than in a LoadAsync: with no request body, Wolverine would read that method's
        // Enrolment parameter as the body.
        var ledger = await PlaceLedger.LockCohortAsync(session, enrolment.AcademicYearId, enrolment.CohortId, ct);
        var now = clock.GetUtcNow();
        var events = new Events { new Withdrawn(WithdrawalReason.OfferDeclined, now) };
        var messages = new OutgoingMessages
        {
            new EnrolmentWithdrawn { Reason = EnrolmentAccess.Camel(WithdrawalReason.OfferDeclined) }.About(enrolment, now),
        };
        session.Delete<SettingPlace>(enrolment.SettingUrn);
        await PlaceOffers.ReleaseAndOffer(ledger, enrolment, session, now, options.Value.OfferExpiry, messages, ct);

        return (await enrolment.ViewAfterAsync(events, session, response, ct), events, messages);
    }
}
