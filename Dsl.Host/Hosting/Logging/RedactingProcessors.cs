using System.Diagnostics;
using Dsl.BuildingBlocks.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Dsl.Host.Hosting.Logging;

/// <summary>Masks emails in span tags and status before any exporter sees them.</summary>
public sealed class RedactingSpanProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity)
    {
        foreach (var (key, value) in activity.TagObjects.ToList())
            if (value is string text && text.Contains('@')) activity.SetTag(key, PersonalData.Redact(text));
        if (activity.StatusDescription?.Contains('@') == true)
            activity.SetStatus(activity.Status, PersonalData.Redact(activity.StatusDescription));
    }
}

/// <summary>Masks emails in exported log records' message and attributes.</summary>
public sealed class RedactingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord record)
    {
        if (record.FormattedMessage is { } message) record.FormattedMessage = PersonalData.Redact(message);
        if (record.Body is { } body) record.Body = PersonalData.Redact(body);
        if (record.Attributes is { } attributes)
            record.Attributes = attributes.Select(a => new KeyValuePair<string, object?>(a.Key, PersonalData.Redact(a.Value))).ToList();
    }
}
