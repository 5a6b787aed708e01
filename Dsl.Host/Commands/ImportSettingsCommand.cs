using Dsl.Enrolment.Settings.Import;
using Spectre.Console;

namespace Dsl.Host.Commands;

/// <summary>
/// `dotnet run --project Dsl.Host -- import-settings &lt;file.csv&gt;`: imports a GIAS establishment extract
/// into the configured (or embedded) database with a progress bar, then prints the same report as the API.
/// </summary>
public static class ImportSettingsCommand
{
    private const int SkippedRowsShown = 50;

    public static async Task<int> Run(string[] args, IServiceProvider services, IAnsiConsole? console = null)
    {
        console ??= AnsiConsole.Console;
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: import-settings <file.csv>");
            return 2;
        }
        var path = Path.GetFullPath(args[0]);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"No such file: {path}");
            return 2;
        }

        var importer = services.GetRequiredService<SettingsImporter>();
        await using var file = File.OpenRead(path);
        using var reader = new StreamReader(file, SettingsImporter.Windows1252);
        ImportReport report;
        try
        {
            report = await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Importing {Path.GetFileName(path)}", maxValue: Math.Max(1, file.Length));
                    var result = await importer.ImportAsync(reader, new InlineProgress(() => task.Value = file.CanSeek ? file.Position : task.MaxValue));
                    task.Value = task.MaxValue;
                    return result;
                });
        }
        catch (InvalidImportFileException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        Print(report, console);
        return 0;
    }

    private static void Print(ImportReport report, IAnsiConsole console)
    {
        var summary = new Table().AddColumns("rows read", "created", "updated", "skipped");
        summary.AddRow($"{report.RowsRead}", $"{report.Created}", $"{report.Updated}", $"{report.SkippedCount}");
        console.Write(summary);
        if (report.Skipped.Count == 0) return;

        var skipped = new Table().AddColumns("line", "URN", "reason");
        foreach (var row in report.Skipped.Take(SkippedRowsShown))
            skipped.AddRow($"{row.Line}", Markup.Escape(row.Urn ?? ""), Markup.Escape(row.Reason));
        console.Write(skipped);
        if (report.Skipped.Count > SkippedRowsShown)
            console.MarkupLine($"…and {report.Skipped.Count - SkippedRowsShown} more skipped rows.");
    }
}

/// <summary>Reports on the importer's own thread, unlike Progress&lt;T&gt;, which posts to the thread pool and could outlive the file (the CSV reader closes it at the end).</summary>
internal sealed class InlineProgress(Action report) : IProgress<int>
{
    public void Report(int value) => report();
}
