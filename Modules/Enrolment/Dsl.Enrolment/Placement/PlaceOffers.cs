using Dsl.Enrolment.Enrolments;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Placement;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

/// <summary>Asks Enrolment to lapse an offer if it is still open when it expires (a scheduled, durable message).</summary>
[MessageIdentity("dsl.enrolment.expire-place-offer.v1")]
public sealed record ExpirePlaceOffer(Guid EnrolmentId, Guid OfferId);

public static class PlaceOffers
{
    /// <summary>
    /// Offers freed places to the chosen waitlisted enrolments in the caller's transaction: appends
    /// the offer to each stream (failing if the stream moved meanwhile), announces it, and schedules its expiry.
    /// </summary>
    public static void Make(IDocumentSession session, IEnumerable<Enrolment> chosen, DateTimeOffset now,
        TimeSpan expiry, OutgoingMessages outgoing)
    {
        foreach (var enrolment in chosen)
        {
            var offerId = Guid.CreateVersion7(now);
            var expiresAt = now + expiry;
            session.Events.Append(enrolment.Id, enrolment.Version + 1, new PlaceOfferMade(offerId, expiresAt, now));
            outgoing.Add(new PlaceOffered { ExpiresAt = expiresAt }.About(enrolment, now));
            outgoing.Schedule(new ExpirePlaceOffer(enrolment.Id, offerId), expiresAt);
        }
    }

    /// <summary>Frees the place an enrolment held and offers whatever the year now has room for.</summary>
    public static async Task ReleaseAndOffer(PlaceLedger ledger, Enrolment leaving, IDocumentSession session,
        DateTimeOffset now, TimeSpan expiry, OutgoingMessages outgoing, CancellationToken ct)
    {
        if (leaving.HoldsPlace) ledger.Release(leaving.CohortId);
        Make(session, await ledger.NextToOfferAsync(session, ct, leaving.Id), now, expiry, outgoing);
    }
}
