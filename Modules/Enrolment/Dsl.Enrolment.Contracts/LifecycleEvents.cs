using Wolverine.Attributes;

namespace Dsl.Enrolment.Contracts;

/// <summary>A setting nominated a lead; the enrolment awaits the head's endorsement.</summary>
[MessageIdentity("dsl.enrolment.submitted.v1")]
public sealed record EnrolmentSubmitted : EnrolmentIntegrationEvent
{
    /// <summary>"full" or "short".</summary>
    public string Track { get; init; } = "";
}

/// <summary>The head (or senior team) endorsed the lead and the setting's whole-school approach plans.</summary>
[MessageIdentity("dsl.enrolment.endorsed.v1")]
public sealed record EnrolmentEndorsed : EnrolmentIntegrationEvent;

/// <summary>The enrolment left the programme; any place it held is freed.</summary>
[MessageIdentity("dsl.enrolment.withdrawn.v1")]
public sealed record EnrolmentWithdrawn : EnrolmentIntegrationEvent
{
    /// <summary>leadLeft, settingDecision, offerDeclined, other.</summary>
    public string Reason { get; init; } = "";
}

/// <summary>The enrolment moved to another cohort (CohortId is the new one).</summary>
[MessageIdentity("dsl.enrolment.transferred.v1")]
public sealed record EnrolmentTransferred : EnrolmentIntegrationEvent
{
    public Guid FromCohortId { get; init; }
    public string FromRegion { get; init; } = "";
}

/// <summary>A new lead took over the setting's place; the endorsement is needed again.</summary>
[MessageIdentity("dsl.enrolment.lead-replaced.v1")]
public sealed record LeadReplaced : EnrolmentIntegrationEvent;

/// <summary>A short-track setting will do the embedding phase later.</summary>
[MessageIdentity("dsl.enrolment.embedding-deferred.v1")]
public sealed record EmbeddingDeferred : EnrolmentIntegrationEvent;

/// <summary>The lead finished the programme.</summary>
[MessageIdentity("dsl.enrolment.completed.v1")]
public sealed record EnrolmentCompleted : EnrolmentIntegrationEvent;
