using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Contracts;

/// <summary>
/// Public: an admin asked for a lead's personal data to be erased (or the retention period ran out), and Enrolment has
/// anonymised its own copy. Every module, and every integrator holding a copy, erases what it holds about the lead of
/// this enrolment; each module replies with its <see cref="LeadErased"/>. Carries ids only.
/// </summary>
[MessageIdentity("dsl.enrolment.lead-erasure-requested.v1")]
public sealed record LeadErasureRequested : IntegrationEvent
{
    public Guid EnrolmentId { get; init; }
    /// <summary>The erasure request, as shown at <c>/api/data-protection/requests/{requestId}</c>.</summary>
    public Guid RequestId { get; init; }

    protected override string SubjectId => EnrolmentId.ToString();
}

/// <summary>
/// Internal: an admin asked for everything held about the lead of this enrolment (a subject access request). Every
/// module answers with its <see cref="LeadExport"/>.
/// </summary>
[MessageIdentity("dsl.enrolment.lead-export-requested.v1")]
public sealed record LeadExportRequested(Guid RequestId, Guid EnrolmentId, DateTimeOffset RequestedAt);

/// <summary>Enrolment's reply to an erasure request.</summary>
[MessageIdentity("dsl.enrolment.lead-erased.v1")]
public sealed record EnrolmentLeadErased : LeadErased;

/// <summary>Enrolment's part of a subject access export (personal data: internal only).</summary>
[MessageIdentity("dsl.enrolment.lead-export.v1")]
public sealed record EnrolmentLeadExport : LeadExport;
