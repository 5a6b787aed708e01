using Wolverine.Attributes;

namespace Dsl.Enrolment.Contracts;

/// <summary>The enrolment holds a funded place in its cohort.</summary>
[MessageIdentity("dsl.enrolment.confirmed.v1")]
public sealed record EnrolmentConfirmed : EnrolmentIntegrationEvent;

/// <summary>The cohort or the year was full; the enrolment waits in line.</summary>
[MessageIdentity("dsl.enrolment.waitlisted.v1")]
public sealed record EnrolmentWaitlisted : EnrolmentIntegrationEvent;

/// <summary>A freed place is offered to this waitlisted enrolment until ExpiresAt.</summary>
[MessageIdentity("dsl.enrolment.place-offered.v1")]
public sealed record PlaceOffered : EnrolmentIntegrationEvent
{
    public DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>An offer was not answered in time; the place moves on and the enrolment waits again.</summary>
[MessageIdentity("dsl.enrolment.offer-expired.v1")]
public sealed record PlaceOfferExpired : EnrolmentIntegrationEvent;
