using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Awards.Contracts;

/// <summary>Awards's reply to <c>dsl.enrolment.lead-erasure-requested.v1</c>: the kinds of data it erased, no values.</summary>
[MessageIdentity("dsl.awards.lead-erased.v1")]
public sealed record AwardsLeadErased : LeadErased;

/// <summary>Awards's part of a subject access export (personal data: internal only, never an integration event).</summary>
[MessageIdentity("dsl.awards.lead-export.v1")]
public sealed record AwardsLeadExport : LeadExport;
