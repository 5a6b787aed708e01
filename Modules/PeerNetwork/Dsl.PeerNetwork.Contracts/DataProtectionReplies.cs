using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.PeerNetwork.Contracts;

/// <summary>PeerNetwork's reply to <c>dsl.enrolment.lead-erasure-requested.v1</c>: the kinds of data it erased, no values.</summary>
[MessageIdentity("dsl.peer-network.lead-erased.v1")]
public sealed record PeerNetworkLeadErased : LeadErased;

/// <summary>PeerNetwork's part of a subject access export (personal data: internal only, never an integration event).</summary>
[MessageIdentity("dsl.peer-network.lead-export.v1")]
public sealed record PeerNetworkLeadExport : LeadExport;
