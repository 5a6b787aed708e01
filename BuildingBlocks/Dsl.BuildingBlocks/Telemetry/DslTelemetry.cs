using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dsl.BuildingBlocks.Telemetry;

/// <summary>Names of DSL's own activity source and meter, so every module reports under one name.</summary>
public static class DslTelemetry
{
    public const string Name = "Dsl";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);
}
