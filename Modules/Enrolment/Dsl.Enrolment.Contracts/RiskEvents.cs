using Wolverine.Attributes;

namespace Dsl.Enrolment.Contracts;

/// <summary>The lead may drop out: no activity for a while, or another module flagged a concern.</summary>
[MessageIdentity("dsl.enrolment.at-risk.v1")]
public sealed record EnrolmentAtRisk : EnrolmentIntegrationEvent
{
    /// <summary>noActivity, missedWorkshop, or another module's code.</summary>
    public string Reason { get; init; } = "";
}

/// <summary>Sent by another module (e.g. a missed workshop) to mark an enrolment at risk.</summary>
[MessageIdentity("dsl.enrolment.flag-at-risk.v1")]
public sealed record FlagEnrolmentAtRisk(Guid EnrolmentId, string Reason);
