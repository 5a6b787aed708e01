using Dsl.Enrolment.Settings.Import;
using Dsl.Host.Commands;
using Spectre.Console;

namespace Dsl.Tests.Enrolment;

public sealed class ImportSettingsCommandTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task the_import_settings_command_imports_a_file_and_prints_the_report()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, SettingsImporter.Windows1252.GetBytes(
            "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),LA (name),GOR (name),EstablishmentStatus (name),UKPRN\r\n" +
            "141001,Brontë Academy,Academy converter,Secondary,Leeds,Yorkshire and the Humber,Open,10141001\r\n" +
            "141002,Ysgol Castell,Community school,Primary,Cardiff,Wales (pseudo),Open,\r\n"), Ct);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });

        try
        {
            var exit = await ImportSettingsCommand.Run([file], App.Host.Services, console);

            exit.ShouldBe(0);
            var printed = output.ToString();
            printed.ShouldContain("rows read");
            printed.ShouldContain("Wales (pseudo)");
            (await Json(await Admin.GetAsync("/api/settings/141001", Ct)))["name"]!.GetValue<string>().ShouldBe("Brontë Academy");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task the_import_settings_command_explains_a_missing_file()
    {
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        try
        {
            (await ImportSettingsCommand.Run(["/no/such/file.csv"], App.Host.Services)).ShouldBe(2);
        }
        finally
        {
            Console.SetError(original);
        }
        errors.ToString().ShouldContain("No such file");
    }
}
