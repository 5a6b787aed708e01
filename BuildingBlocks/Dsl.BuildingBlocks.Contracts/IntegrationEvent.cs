namespace Dsl.BuildingBlocks.Contracts;

/// <summary>
/// The fields every public event carries, for any module's contracts to derive from: a module's event is
/// <c>[MessageIdentity("dsl.&lt;module&gt;.&lt;event&gt;.v&lt;n&gt;")] public sealed record … : IntegrationEvent</c> and
/// says what it is about by overriding <see cref="SubjectId"/>. How a contract may change is ADR 0017.
/// </summary>
public abstract record IntegrationEvent : IIntegrationEvent
{
    /// <summary>Unique per event; the same on every redelivery.</summary>
    public Guid EventId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>Programme region code, e.g. "north-west" ("national" for what belongs to no one region).</summary>
    public string Region { get; init; } = "";
    /// <summary>
    /// The revision of this type's data within its <c>.v&lt;n&gt;</c>: raised by each additive change, so a consumer can
    /// tell whether the fields added since are present. A breaking change is a new type instead (ADR 0017).
    /// </summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The id of what the event is about: the CloudEvents subject. Not public, so not repeated in the event's data.</summary>
    protected abstract string SubjectId { get; }

    string IIntegrationEvent.Subject => SubjectId;
}
