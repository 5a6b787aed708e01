using Dsl.Curriculum.Contracts;
using Dsl.Enrolment.Settings;

namespace Dsl.Enrolment.Enrolments;

public enum EnrolmentStatus { AwaitingEndorsement, Confirmed, Waitlisted, PlaceOffered, Withdrawn, Completed }

/// <summary>full: all three phases now; short: learning and reflective/planning now, embedding later.</summary>
public enum Track { Full, Short }

public enum WithdrawalReason { LeadLeft, SettingDecision, OfferDeclined, Other }

public sealed record StatusChange(EnrolmentStatus Status, DateTimeOffset At, string Because);

public sealed record Endorsement(string EndorserName, string EndorserRole, DateTimeOffset At);

public sealed record Offer(Guid OfferId, DateTimeOffset ExpiresAt);

/// <summary>The lead's personal data was erased: by which request, when.</summary>
public sealed record LeadErasure(Guid RequestId, DateTimeOffset At);

/// <summary>
/// One setting's enrolment of one lead, rebuilt from its event stream and kept as an inline
/// projection so it can be queried (capacity counts, waitlist order, lists).
/// </summary>
public sealed class Enrolment
{
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    public Funding Funding { get; set; }
    /// <summary>The setting's programme region.</summary>
    public string Region { get; set; } = "";
    /// <summary>The setting's phase at submission; null for enrolments submitted before it was recorded.</summary>
    public SettingPhase? SettingPhase { get; set; }
    /// <summary>The setting's type at submission; null for enrolments submitted before it was recorded.</summary>
    public SettingType? SettingType { get; set; }
    public Guid CohortId { get; set; }
    public string AcademicYearId { get; set; } = "";
    public Track Track { get; set; }
    public Guid LeadId { get; set; }
    public EnrolmentStatus Status { get; set; }
    /// <summary>Counts against the cohort's capacity and the year's cap: confirmed, offered, completed, or re-endorsing after a lead change.</summary>
    public bool HoldsPlace { get; set; }
    /// <summary>0 for state-funded, 1 for independent: independents wait behind every state-funded setting.</summary>
    public int QueuePriority { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? WaitlistedAt { get; set; }
    public Endorsement? Endorsement { get; set; }
    public Offer? Offer { get; set; }
    public WithdrawalReason? WithdrawalReason { get; set; }
    public bool EmbeddingDeferred { get; set; }
    public ProgrammePhase? Phase { get; set; }
    public bool AtRisk { get; set; }
    public string? AtRiskReason { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    /// <summary>Set once the lead's personal data was erased; a second request answers with the first.</summary>
    public LeadErasure? LeadErasure { get; set; }
    /// <summary>Opaque, time-ordered key for paging lists.</summary>
    public string ListKey { get; set; } = "";
    public List<StatusChange> History { get; set; } = [];
    public int Version { get; set; }

    public bool IsActive => Status is not (EnrolmentStatus.Withdrawn or EnrolmentStatus.Completed);

    public static Enrolment Create(EnrolmentStarted e)
    {
        var enrolment = new Enrolment
        {
            Id = e.EnrolmentId, SettingUrn = e.SettingUrn, Funding = e.Funding, Region = e.Region, CohortId = e.CohortId,
            SettingPhase = e.SettingPhase, SettingType = e.SettingType,
            AcademicYearId = e.AcademicYearId, Track = e.Track, LeadId = e.LeadId, SubmittedAt = e.At,
            QueuePriority = e.Funding == Funding.Independent ? 1 : 0,
            ListKey = $"{e.At.UtcTicks:D19}|{e.EnrolmentId:N}",
        };
        enrolment.MoveTo(EnrolmentStatus.AwaitingEndorsement, e.At, "submitted");
        return enrolment;
    }

    public void Apply(Endorsed e)
    {
        Endorsement = new Endorsement(e.EndorserName, e.EndorserRole, e.At);
        // A replacement lead's endorsement returns the enrolment to the place it already holds.
        if (HoldsPlace) MoveTo(EnrolmentStatus.Confirmed, e.At, "endorsed");
        else Touch(e.At);
    }

    public void Apply(PlaceAllocated e)
    {
        HoldsPlace = true;
        MoveTo(EnrolmentStatus.Confirmed, e.At, "place allocated");
    }

    public void Apply(Waitlisted e)
    {
        WaitlistedAt ??= e.At;
        MoveTo(EnrolmentStatus.Waitlisted, e.At, "no place free");
    }

    public void Apply(PlaceOfferMade e)
    {
        HoldsPlace = true;
        Offer = new Offer(e.OfferId, e.ExpiresAt);
        MoveTo(EnrolmentStatus.PlaceOffered, e.At, "a place was freed");
    }

    public void Apply(PlaceOfferAccepted e)
    {
        Offer = null;
        MoveTo(EnrolmentStatus.Confirmed, e.At, "offer accepted");
    }

    public void Apply(PlaceOfferLapsed e)
    {
        Offer = null;
        HoldsPlace = false;
        WaitlistedAt = e.At;
        MoveTo(EnrolmentStatus.Waitlisted, e.At, "offer expired");
    }

    public void Apply(Withdrawn e)
    {
        Offer = null;
        HoldsPlace = false;
        WithdrawalReason = e.Reason;
        MoveTo(EnrolmentStatus.Withdrawn, e.At, "withdrawn");
    }

    public void Apply(Transferred e)
    {
        CohortId = e.ToCohortId;
        AcademicYearId = e.ToAcademicYearId;
        Touch(e.At);
        History.Add(new StatusChange(Status, e.At, "transferred"));
    }

    public void Apply(LeadChanged e)
    {
        LeadId = e.NewLeadId;
        Endorsement = null;
        MoveTo(EnrolmentStatus.AwaitingEndorsement, e.At, "lead replaced");
    }

    /// <summary>Not activity, and no status change: the enrolment's facts stay for the reports; only the endorser's name goes.</summary>
    public void Apply(LeadErasureRecorded e)
    {
        LeadErasure = new LeadErasure(e.RequestId, e.At);
        if (Endorsement is not null) Endorsement = Endorsement with { EndorserName = Dsl.BuildingBlocks.DataProtection.Erasure.Placeholder };
    }

    public void Apply(EmbeddingPostponed e)
    {
        EmbeddingDeferred = true;
        Touch(e.At);
    }

    public void Apply(PhaseReached e)
    {
        Phase = e.Phase;
        AtRisk = false;
        AtRiskReason = null;
        Touch(e.At);
    }

    public void Apply(ProgrammeFinished e)
    {
        // A short track completes with embedding deferred: the enrolment records which of the two it finished.
        var shortTrack = e.Track == Tracks.Short;
        Phase = shortTrack ? ProgrammePhase.EmbeddingDeferred : ProgrammePhase.Completed;
        EmbeddingDeferred |= shortTrack;
        MoveTo(EnrolmentStatus.Completed, e.At, "programme completed");
    }

    public void Apply(MarkedAtRisk e)
    {
        AtRisk = true;
        AtRiskReason = e.Reason;
    }

    /// <summary>The setting's funded place is used once the lead reached embedding; before that a withdrawal gives it back.</summary>
    public bool UsedFundedPlace => Status == EnrolmentStatus.Completed
                                   || Phase is ProgrammePhase.Embedding or ProgrammePhase.Completed;

    private void MoveTo(EnrolmentStatus status, DateTimeOffset at, string because)
    {
        Status = status;
        History.Add(new StatusChange(status, at, because));
        Touch(at);
    }

    private void Touch(DateTimeOffset at) => LastActivityAt = at;
}
