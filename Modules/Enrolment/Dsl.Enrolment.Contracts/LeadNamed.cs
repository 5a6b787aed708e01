using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Contracts;

/// <summary>
/// Internal, not an integration event: who the enrolled lead is, for the certificate of completion. It carries
/// personal data, so it never enters the integration event log, feed or webhooks; the receiver keeps it in an
/// erasable document. Sent when a place is confirmed and when the lead is replaced.
/// </summary>
/// <param name="Region">The enrolment's region: not needed by the receiver, but it tags the handler's span like every other message about an enrolment.</param>
[MessageIdentity("dsl.enrolment.lead-named.v1")]
[CarriesPersonalData]
public sealed record LeadNamed(Guid EnrolmentId, string LeadName, string SettingName, string Region);
