namespace Dsl.BuildingBlocks.Contracts;

/// <summary>
/// What every module replies to <c>dsl.enrolment.lead-erasure-requested.v1</c> once it has erased what it holds about the
/// lead: a module's contract is <c>[MessageIdentity("dsl.&lt;module&gt;.lead-erased.v1")] public sealed record
/// &lt;Module&gt;LeadErased : LeadErased</c>. Internal (not an integration event); it names kinds of data, never values.
/// </summary>
public abstract record LeadErased
{
    public Guid RequestId { get; init; }
    public Guid EnrolmentId { get; init; }
    /// <summary>What the module removed or anonymised, e.g. "directoryListing", "setNotes"; empty when it held nothing.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];
}

/// <summary>
/// A module's part of a subject access export: <c>[MessageIdentity("dsl.&lt;module&gt;.lead-export.v1")] public sealed
/// record &lt;Module&gt;LeadExport : LeadExport</c>. It carries personal data, so it is internal: never an integration
/// event, never logged or put in a span; only the host's export keeps it, until the export expires.
/// </summary>
[CarriesPersonalData]
public abstract record LeadExport
{
    public Guid RequestId { get; init; }
    public Guid EnrolmentId { get; init; }
    /// <summary>The module's part as one JSON object (its documents about the lead, as the API would show them).</summary>
    public string Data { get; init; } = "{}";
}
