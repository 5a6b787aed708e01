using Wolverine.Attributes;

namespace Dsl.Awards.Contracts;

/// <summary>
/// An admin assigned an assessor to a setting's award application: while it stays open the assessor may read the
/// setting's assessment records. Internal to DSL (not an integration event).
/// </summary>
[MessageIdentity("dsl.awards.assessor-assigned.v1")]
public sealed record AssessorAssigned(Guid ApplicationId, string SettingUrn, string AssessorId, DateTimeOffset AssignedAt);

/// <summary>An award application closed (decided or withdrawn): its assessor no longer reads the setting's records.</summary>
[MessageIdentity("dsl.awards.application-closed.v1")]
public sealed record ApplicationClosed(Guid ApplicationId, string SettingUrn, string AssessorId, DateTimeOffset ClosedAt);
