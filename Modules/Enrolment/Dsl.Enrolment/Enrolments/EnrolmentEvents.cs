using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Settings;

namespace Dsl.Enrolment.Enrolments;

// The enrolment stream's own events. They carry no personal data (the lead is a reference to a
// Lead document), so erasing a lead never means rewriting history.

/// <param name="SettingPhase">The setting's phase at submission, for the integration events; null in streams started before it was recorded.</param>
/// <param name="SettingType">The setting's type at submission, likewise.</param>
public sealed record EnrolmentStarted(
    Guid EnrolmentId, string SettingUrn, Funding Funding, string Region, Guid CohortId, string AcademicYearId,
    Track Track, Guid LeadId, DateTimeOffset At, SettingPhase? SettingPhase = null, SettingType? SettingType = null);

public sealed record Endorsed(string EndorserName, string EndorserRole, DateTimeOffset At);

public sealed record PlaceAllocated(DateTimeOffset At);

public sealed record Waitlisted(DateTimeOffset At);

public sealed record PlaceOfferMade(Guid OfferId, DateTimeOffset ExpiresAt, DateTimeOffset At);

public sealed record PlaceOfferAccepted(Guid OfferId, DateTimeOffset At);

/// <summary>The offer was not answered in time: the place moves on and the enrolment waits again, at the back.</summary>
public sealed record PlaceOfferLapsed(Guid OfferId, DateTimeOffset At);

public sealed record Withdrawn(WithdrawalReason Reason, DateTimeOffset At);

public sealed record Transferred(Guid FromCohortId, Guid ToCohortId, string ToAcademicYearId, DateTimeOffset At);

public sealed record LeadChanged(Guid NewLeadId, DateTimeOffset At);

public sealed record EmbeddingPostponed(DateTimeOffset At);

public sealed record PhaseReached(ProgrammePhase Phase, DateTimeOffset At);

/// <param name="Track">"short" when a short track finished with embedding deferred; "full" or null (before December 2026) otherwise.</param>
public sealed record ProgrammeFinished(DateTimeOffset At, string? Track = null);

public sealed record MarkedAtRisk(string Reason, DateTimeOffset At);

/// <summary>The lead's personal data was erased (request id only: the reason stays in the request's record).</summary>
public sealed record LeadErasureRecorded(Guid RequestId, DateTimeOffset At);
