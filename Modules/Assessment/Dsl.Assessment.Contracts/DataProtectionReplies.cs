using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Assessment.Contracts;

/// <summary>Assessment's reply to <c>dsl.enrolment.lead-erasure-requested.v1</c>: the kinds of data it erased, no values.</summary>
[MessageIdentity("dsl.assessment.lead-erased.v1")]
public sealed record AssessmentLeadErased : LeadErased;

/// <summary>Assessment's part of a subject access export (personal data: internal only, never an integration event).</summary>
[MessageIdentity("dsl.assessment.lead-export.v1")]
public sealed record AssessmentLeadExport : LeadExport;
