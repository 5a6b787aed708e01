using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Dsl.BuildingBlocks.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Dsl.Host.Hosting.Logging;

/// <summary>
/// JSON lines on stdout, one object per entry: time, level, category, event id, message, exception, trace and
/// span ids, the entry's structured values and its scopes — with emails masked in every string (PersonalData).
/// </summary>
public sealed class RedactingJsonFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "dsl-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && message is null) return;
        textWriter.WriteLine(Format(logEntry.LogLevel, logEntry.Category, logEntry.EventId, message, logEntry.Exception,
            logEntry.State as IEnumerable<KeyValuePair<string, object?>>, scopeProvider));
    }

    public static string Format(LogLevel level, string category, EventId eventId, string? message, Exception? exception,
        IEnumerable<KeyValuePair<string, object?>>? state, IExternalScopeProvider? scopes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", DateTimeOffset.UtcNow);
            json.WriteString("LogLevel", level.ToString());
            json.WriteString("Category", category);
            json.WriteNumber("EventId", eventId.Id);
            json.WriteString("Message", PersonalData.Redact(message ?? ""));
            if (exception is not null) json.WriteString("Exception", PersonalData.Redact(exception.ToString()));
            if (Activity.Current is { } activity)
            {
                json.WriteString("TraceId", activity.TraceId.ToHexString());
                json.WriteString("SpanId", activity.SpanId.ToHexString());
            }
            if (state is not null)
            {
                json.WriteStartObject("State");
                foreach (var (key, value) in state) WriteValue(json, key, value);
                json.WriteEndObject();
            }
            if (scopes is not null)
            {
                json.WriteStartArray("Scopes");
                scopes.ForEachScope((scope, writer) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        writer.WriteStartObject();
                        foreach (var (key, value) in pairs) WriteValue(writer, key, value);
                        writer.WriteEndObject();
                    }
                    else writer.WriteStringValue(PersonalData.Redact(scope?.ToString() ?? ""));
                }, json);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case bool b: json.WriteBoolean(key, b); break;
            case int or long or short or byte: json.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case double or float or decimal: json.WriteNumber(key, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            default: json.WriteString(key, PersonalData.Redact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "")); break;
        }
    }
}
