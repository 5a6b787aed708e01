using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Curriculum.Contracts;

/// <summary>Curriculum's reply to <c>dsl.enrolment.lead-erasure-requested.v1</c>: the kinds of data it erased, no values.</summary>
[MessageIdentity("dsl.curriculum.lead-erased.v1")]
public sealed record CurriculumLeadErased : LeadErased;

/// <summary>Curriculum's part of a subject access export (personal data: internal only, never an integration event).</summary>
[MessageIdentity("dsl.curriculum.lead-export.v1")]
public sealed record CurriculumLeadExport : LeadExport;
