using System.Text;
using Dsl.BuildingBlocks.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Dsl.Host.Hosting.Logging;

/// <summary>
/// Human-readable lines for a developer's console, laid out as ASP.NET Core's simple console format
/// (<c>info: Category[EventId]</c>, the message indented below, colours on a terminal) and honouring its options
/// (Logging:Console:FormatterOptions: SingleLine, TimestampFormat, UseUtcTimestamp, IncludeScopes, ColorBehavior),
/// with emails masked in the message, exception and scopes as in the JSON lines (PersonalData).
/// </summary>
public sealed class RedactingTextFormatter : ConsoleFormatter, IDisposable
{
    public new const string Name = "dsl-text";
    private const string Padding = "      ";

    private readonly IDisposable? _reload;
    private SimpleConsoleFormatterOptions _options;

    public RedactingTextFormatter(IOptionsMonitor<SimpleConsoleFormatterOptions> options) : base(Name)
    {
        _options = options.CurrentValue;
        _reload = options.OnChange(o => _options = o);
    }

    public void Dispose() => _reload?.Dispose();

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && message is null) return;
        var colors = _options.ColorBehavior switch
        {
            LoggerColorBehavior.Enabled => true,
            LoggerColorBehavior.Disabled => false,
            _ => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
        };
        textWriter.Write(Format(logEntry.LogLevel, logEntry.Category, logEntry.EventId, message, logEntry.Exception,
            _options.IncludeScopes ? scopeProvider : null, _options, colors));
    }

    /// <summary>One entry as the console shows it, ending with a line break.</summary>
    public static string Format(LogLevel level, string category, EventId eventId, string? message, Exception? exception,
        IExternalScopeProvider? scopes, SimpleConsoleFormatterOptions options, bool colors)
    {
        var line = new StringBuilder();
        if (options.TimestampFormat is { } timestampFormat)
        {
            var now = options.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            line.Append(now.ToString(timestampFormat, System.Globalization.CultureInfo.InvariantCulture));
        }
        var (label, color) = Level(level);
        line.Append(colors ? color + label + "\x1B[39m\x1B[22m\x1B[49m" : label);
        line.Append(": ").Append(category).Append('[').Append(eventId.Id).Append(']');
        if (!options.SingleLine) line.AppendLine();

        scopes?.ForEachScope((scope, builder) =>
        {
            builder.Append(options.SingleLine ? " => " : Padding + "=> ")
                .Append(PersonalData.Redact(Convert.ToString(scope, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
            if (!options.SingleLine) builder.AppendLine();
        }, line);

        if (!string.IsNullOrEmpty(message)) Body(line, PersonalData.Redact(message), options.SingleLine);
        if (exception is not null) Body(line, PersonalData.Redact(exception.ToString()), options.SingleLine);
        if (options.SingleLine) line.AppendLine();
        return line.ToString();
    }

    private static void Body(StringBuilder line, string text, bool singleLine)
    {
        if (singleLine)
        {
            line.Append(' ').Append(text.ReplaceLineEndings(" "));
            return;
        }
        line.Append(Padding).Append(text.ReplaceLineEndings(Environment.NewLine + Padding)).AppendLine();
    }

    /// <summary>The simple format's four-letter labels and colours (foreground, background).</summary>
    private static (string Label, string Color) Level(LogLevel level) => level switch
    {
        LogLevel.Trace => ("trce", "\x1B[37m\x1B[40m"),
        LogLevel.Debug => ("dbug", "\x1B[37m\x1B[40m"),
        LogLevel.Information => ("info", "\x1B[32m\x1B[40m"),
        LogLevel.Warning => ("warn", "\x1B[1m\x1B[33m\x1B[40m"),
        LogLevel.Error => ("fail", "\x1B[30m\x1B[41m"),
        LogLevel.Critical => ("crit", "\x1B[1m\x1B[37m\x1B[41m"),
        _ => ("none", ""),
    };
}

/// <summary>
/// Which console format the host writes: <c>Dsl:Logging:Format</c> = <c>text</c> (readable lines, the default in
/// Development) or <c>json</c> (JSON lines, the default elsewhere); a Logging:Console:FormatterName set explicitly wins.
/// </summary>
public static class ConsoleLogFormat
{
    public const string Key = "Dsl:Logging:Format";

    public static WebApplicationBuilder AddDslConsoleLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddConsoleFormatter<RedactingJsonFormatter, ConsoleFormatterOptions>();
        builder.Logging.AddConsoleFormatter<RedactingTextFormatter, SimpleConsoleFormatterOptions>();
        var formatter = FormatterFor(builder.Configuration, builder.Environment);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = formatter);
        return builder;
    }

    public static string FormatterFor(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Logging:Console:FormatterName"] is { Length: > 0 } chosen) return chosen;
        var format = configuration[Key] ?? (environment.IsDevelopment() ? "text" : "json");
        return format.Trim().ToLowerInvariant() switch
        {
            "text" => RedactingTextFormatter.Name,
            "json" => RedactingJsonFormatter.Name,
            _ => throw new InvalidOperationException($"{Key} must be 'text' or 'json', not '{format}'."),
        };
    }
}
