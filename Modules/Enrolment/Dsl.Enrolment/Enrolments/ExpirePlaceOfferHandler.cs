using Dsl.Enrolment.Placement;

namespace Dsl.Enrolment.Enrolments;

/// <summary>Lapses an offer nobody answered in time; runs from the scheduled message, so it survives restarts.</summary>
public static class ExpirePlaceOfferHandler
{
    public static async Task<(Events, OutgoingMessages)> Handle(ExpirePlaceOffer command,
        [WriteAggregate(Required = false)] Enrolment? enrolment, IDocumentSession session, TimeProvider clock,
        IOptions<EnrolmentOptions> options, CancellationToken ct)
    {
        var events = new Events();
        var messages = new OutgoingMessages();
        if (enrolment is not { Status: EnrolmentStatus.PlaceOffered } || enrolment.Offer?.OfferId != command.OfferId)
            return (events, messages); // answered or moved on already

        var now = clock.GetUtcNow();
        var ledger = await PlaceLedger.LockCohortAsync(session, enrolment.AcademicYearId, enrolment.CohortId, ct);
        events.Add(new PlaceOfferLapsed(command.OfferId, now));
        messages.Add(new PlaceOfferExpired().About(enrolment, now));
        messages.Add(new EnrolmentWaitlisted().About(enrolment, now));
        await PlaceOffers.ReleaseAndOffer(ledger, enrolment, session, now, options.Value.OfferExpiry, messages, ct);
        return (events, messages);
    }
}
