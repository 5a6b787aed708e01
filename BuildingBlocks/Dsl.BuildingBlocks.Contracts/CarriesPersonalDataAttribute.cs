namespace Dsl.BuildingBlocks.Contracts;

/// <summary>
/// Marks an internal message whose body holds personal data (a name, an export part). Such a message is never an
/// integration event; the host deletes the copies Wolverine keeps of it (handled envelopes kept for idempotency, dead
/// letters) when the lead it is about is erased or an export expires.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CarriesPersonalDataAttribute : Attribute;
