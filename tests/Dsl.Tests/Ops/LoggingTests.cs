using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dsl.BuildingBlocks.Telemetry;
using Dsl.Host.Hosting.Logging;
using JasperFx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Wolverine;
using Wolverine.Attributes;

namespace Dsl.Tests.Ops;

/// <summary>A message only these tests send; its handler loses an optimistic-concurrency race a set number of times.</summary>
[MessageIdentity("dsl.tests.race-probe.v1")]
public sealed record RaceProbe(Guid Id, int Losses);

public static class RaceProbeHandler
{
    public static readonly ConcurrentDictionary<Guid, int> Attempts = new();
    public static readonly ConcurrentBag<Guid> Handled = [];

    public static void Handle(RaceProbe probe)
    {
        if (Attempts.AddOrUpdate(probe.Id, 1, (_, n) => n + 1) <= probe.Losses)
            throw new ConcurrencyException(typeof(RaceProbe), probe.Id);
        Handled.Add(probe.Id);
    }
}

public sealed class LoggingTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task a_lost_race_that_the_retry_wins_is_a_warning_not_an_error()
    {
        var probe = new RaceProbe(Guid.NewGuid(), Losses: 1);
        await App.Host.MessageBus().PublishAsync(probe);
        await Until(() => RaceProbeHandler.Handled.Contains(probe.Id), "the retry handles the message");

        var failures = ProbeLines().ToList();
        failures.ShouldHaveSingleItem("one failed attempt is logged").Level.ShouldBe("Warning");
        failures[0].Exception.ShouldContain("ConcurrencyException");
        ProbeLines(failures[0].Envelope).ShouldNotContain(l => l.Level == "Error" || l.Level == "Critical");
    }

    [Fact]
    public async Task a_race_lost_on_every_retry_is_an_error_when_the_message_is_given_up()
    {
        var probe = new RaceProbe(Guid.NewGuid(), Losses: int.MaxValue);
        await App.Host.MessageBus().PublishAsync(probe);
        string? envelope = null;
        await Until(() => (envelope = ProbeLines().FirstOrDefault()?.Envelope) is not null
                          && ProbeLines(envelope).Any(l => l.EventId == 108), "the message is moved to the error queue", rounds: 400);

        var lines = ProbeLines(envelope!).ToList();
        lines.Where(l => l.EventId == 105).ShouldAllBe(l => l.Level == "Warning", "each failed attempt is a warning");
        lines.Count(l => l.EventId == 105).ShouldBe(RaceProbeHandler.Attempts[probe.Id]);
        lines.Single(l => l.EventId == 108).Level.ShouldBe("Error", "giving up is an error");
        RaceProbeHandler.Handled.ShouldNotContain(probe.Id);
    }

    [Fact]
    public void development_reads_text_elsewhere_json_and_configuration_chooses()
    {
        ConsoleLogFormat.FormatterFor(Config(), Env(Environments.Development)).ShouldBe(RedactingTextFormatter.Name);
        ConsoleLogFormat.FormatterFor(Config(), Env(Environments.Production)).ShouldBe(RedactingJsonFormatter.Name);
        ConsoleLogFormat.FormatterFor(Config(), Env("Testing")).ShouldBe(RedactingJsonFormatter.Name);
        ConsoleLogFormat.FormatterFor(Config((ConsoleLogFormat.Key, "json")), Env(Environments.Development)).ShouldBe(RedactingJsonFormatter.Name);
        ConsoleLogFormat.FormatterFor(Config((ConsoleLogFormat.Key, "text")), Env(Environments.Production)).ShouldBe(RedactingTextFormatter.Name);
        ConsoleLogFormat.FormatterFor(Config(("Logging:Console:FormatterName", "systemd")), Env(Environments.Development)).ShouldBe("systemd");
        Should.Throw<InvalidOperationException>(() => ConsoleLogFormat.FormatterFor(Config((ConsoleLogFormat.Key, "xml")), Env("Production")))
            .Message.ShouldContain(ConsoleLogFormat.Key);
    }

    [Fact]
    public void readable_lines_have_the_simple_console_layout_and_mask_emails()
    {
        var text = RedactingTextFormatter.Format(LogLevel.Error, "Npgsql", new EventId(7),
            "duplicate key: Key (email)=(sam.lee@example.org) already exists", new InvalidOperationException("for jo@example.org"),
            null, new SimpleConsoleFormatterOptions(), colors: false);

        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("fail: Npgsql[7]");
        lines[1].ShouldBe($"      duplicate key: Key (email)=({PersonalData.RedactedEmail}) already exists");
        lines[2].ShouldBe($"      System.InvalidOperationException: for {PersonalData.RedactedEmail}");
        text.ShouldNotContain("@example.org");

        var single = RedactingTextFormatter.Format(LogLevel.Information, "Dsl.Host", new EventId(0), "a@b.example\nsecond line", null,
            null, new SimpleConsoleFormatterOptions { SingleLine = true }, colors: false);
        single.ShouldBe($"info: Dsl.Host[0] {PersonalData.RedactedEmail} second line{Environment.NewLine}");
    }

    private sealed record Line(string Level, int EventId, string Message, string Exception, string? Envelope);

    /// <summary>The captured log lines about race probes, optionally of one envelope only.</summary>
    private IEnumerable<Line> ProbeLines(string? envelope = null) => App.LogLines
        .Select(l => JsonNode.Parse(l)!)
        .Select(j => new Line(j["LogLevel"]!.GetValue<string>(), j["EventId"]!.GetValue<int>(), j["Message"]!.GetValue<string>(),
            j["Exception"]?.GetValue<string>() ?? "", null))
        .Select(l => l with { Envelope = EnvelopeOf(l) })
        .Where(l => envelope is null ? l.Message.Contains("dsl.tests.race-probe.v1#") : l.Message.Contains(envelope));

    private static string? EnvelopeOf(Line line)
    {
        var marker = line.Message.IndexOf("dsl.tests.race-probe.v1#", StringComparison.Ordinal);
        return marker < 0 ? null : line.Message.Substring(marker + "dsl.tests.race-probe.v1#".Length, 36);
    }

    private static async Task Until(Func<bool> outcome, string what, int rounds = 200)
    {
        for (var round = 0; round < rounds && !outcome(); round++)
            await Task.Delay(50, Ct); // polling the outcome, not sleeping in place of a wait
        outcome().ShouldBeTrue($"timed out waiting until {what}");
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) => new ConfigurationBuilder()
        .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static IHostEnvironment Env(string name) => new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = name };
}
