using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.PeerNetwork.Contracts;

/// <summary>What every action learning set event carries: the set, its facilitator's user id and its active members (no names).</summary>
public abstract record ActionLearningSetIntegrationEvent : IntegrationEvent
{
    public Guid SetId { get; init; }
    /// <summary>The facilitator's user id (token subject), if one is assigned.</summary>
    public string? FacilitatorId { get; init; }
    /// <summary>The set's active members when the event happened.</summary>
    public int MemberCount { get; init; }

    protected override string SubjectId => SetId.ToString();
}

/// <summary>An action learning set was formed (created, or accepted from a matching proposal).</summary>
[MessageIdentity("dsl.peer-network.set-formed.v1")]
public sealed record ActionLearningSetFormed : ActionLearningSetIntegrationEvent;

/// <summary>A set fell below five active members (a lead withdrew or moved region): its facilitator may rematch.</summary>
[MessageIdentity("dsl.peer-network.set-below-minimum.v1")]
public sealed record ActionLearningSetBelowMinimum : ActionLearningSetIntegrationEvent;

/// <summary>A set held its last session.</summary>
[MessageIdentity("dsl.peer-network.set-completed.v1")]
public sealed record ActionLearningSetCompleted : ActionLearningSetIntegrationEvent;
