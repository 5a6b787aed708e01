using Dsl.Host.Commands;
using Dsl.Host.Demo;
using Dsl.Host.Hosting;
using JasperFx;

if (args is ["dev-token", ..])
{
    return DevTokenCommand.Run(args[1..], new ConfigurationBuilder()
        .AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build());
}

// `cluster --nodes N`: the embedded PostgreSQL once and N nodes of this host on it (README "Running several nodes").
if (args is ["cluster", ..])
{
    return await ClusterCommand.Run(args[1..], new ConfigurationBuilder()
        .AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build());
}

// `dashboard`: the same host, exporting to a local Aspire dashboard started alongside it.
using var dashboard = args is ["dashboard", ..] ? DashboardCommand.Start() : null;
if (dashboard is not null) args = args[1..];

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // With no database configured this is a developer's machine: the embedded default runs as Development.
    EnvironmentName = EmbeddedDatabase.DefaultEnvironment(args),
});

// The documented local address, unless ASPNETCORE_URLS, --urls or configuration says otherwise.
if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://localhost:5080");

// No connection string: start (or reuse) the private cluster under the data directory.
await using var embedded = await EmbeddedDatabase.StartIfNeeded(builder);
var connectionString = builder.Configuration.GetConnectionString("Dsl")!;

builder.AddDsl(connectionString);
var app = builder.Build();

if (args is ["import-settings", .. var importArgs])
{
    return await ImportSettingsCommand.Run(importArgs, app.Services);
}

app.UseDsl();
if (embedded is not null) EmbeddedDatabase.PrintWelcome(app, embedded);
DemoData.ScheduleOnStart(app);

// JasperFx's own commands (codegen, db-apply, describe, …) only when one is asked for: finding them prints a
// "Searching '…' for commands" line per Critter Stack assembly, which a plain start has no use for.
if (args is [var command, ..] && !command.StartsWith('-')) return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
