using System.Net.Http.Headers;
using System.Text;
using Dsl.Enrolment.Settings.Import;

namespace Dsl.Tests.Enrolment;

public sealed class GiasImportTests(DslApp app) : ApiTest(app)
{
    private const string Header =
        "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (code),TypeOfEstablishment (name)," +
        "EstablishmentTypeGroup (code),EstablishmentTypeGroup (name),EstablishmentStatus (code),EstablishmentStatus (name)," +
        "PhaseOfEducation (code),PhaseOfEducation (name),UKPRN,FurtherEducationType (name),GOR (code),GOR (name),Postcode";

    /// <summary>A GIAS-shaped extract, as published: Windows-1252, CRLF, quoted fields, columns DSL ignores.</summary>
    private static byte[] Extract(params string[] rows) =>
        SettingsImporter.Windows1252.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    private static readonly string[] SampleRows =
    [
        "137000,800,Birmingham,2000,Castle View School,3,Voluntary controlled school,4,Local authority maintained schools,1,Open,2,Primary,10137000,,F,West Midlands,AB1 2CD",
        "137018,855,Leicestershire,2001,Brontë Academy,28,Academy sponsor led,10,Academies,1,Open,4,Secondary,10137018,,E,East Midlands,AB1 2CD",
        "137021,892,Nottingham,2002,Queen Elizabeth’s Academy,28,Academy sponsor led,10,Academies,1,Open,2,Primary,,,E,East Midlands,AB1 2CD",
        "137030,926,Norfolk,2003,\"St Mary's School, Norwich\",10,Other independent special school,3,Independent schools,1,Open,0,Not applicable,,,G,East of England,AB1 2CD",
        "137033,373,Sheffield,2004,Castle View School,1,Community school,4,Local authority maintained schools,1,Open,4,Secondary,,,D,Yorkshire and the Humber,AB1 2CD",
        "137036,660,Cardiff,2005,Ysgol Castell,1,Community school,4,Local authority maintained schools,1,Open,4,Secondary,,,W,Wales (pseudo),AB1 2CD",
        "not-a-urn,204,Hackney,2006,Oakfield Academy,28,Academy sponsor led,10,Academies,1,Open,4,Secondary,,,H,London,AB1 2CD",
    ];

    private async Task<HttpResponseMessage> Import(byte[] csv)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await Admin.PostAsync("/api/settings/imports", content, Ct);
    }

    [Fact]
    public async Task a_gias_extract_imports_with_a_report_of_skipped_rows()
    {
        var response = await Import(Extract(SampleRows));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await Json(response);
        report["rowsRead"]!.GetValue<int>().ShouldBe(7);
        report["created"]!.GetValue<int>().ShouldBe(5);
        var skipped = report["skipped"]!.AsArray();
        skipped.Select(s => s!["line"]!.GetValue<long>()).ShouldBe([7, 8]);
        skipped[0]!["reason"]!.GetValue<string>().ShouldContain("Wales");
        skipped[1]!["reason"]!.GetValue<string>().ShouldContain("not-a-urn");

        var bronte = await Json(await Admin.GetAsync("/api/settings/137018", Ct));
        bronte["name"]!.GetValue<string>().ShouldBe("Brontë Academy");
        bronte["region"]!.GetValue<string>().ShouldBe("midlands");
        bronte["type"]!.GetValue<string>().ShouldBe("academy");
        (await Json(await Admin.GetAsync("/api/settings/137021", Ct)))["name"]!.GetValue<string>().ShouldBe("Queen Elizabeth’s Academy");
        var stMarys = await Json(await Admin.GetAsync("/api/settings/137030", Ct));
        stMarys["name"]!.GetValue<string>().ShouldBe("St Mary's School, Norwich");
        stMarys["funding"]!.GetValue<string>().ShouldBe("independent");
        (await Json(await Admin.GetAsync("/api/settings/137033", Ct)))["region"]!.GetValue<string>().ShouldBe("north-east-and-yorkshire");
    }

    [Fact]
    public async Task reimporting_updates_settings_and_never_duplicates_them()
    {
        await Import(Extract(SampleRows));
        var renamed = SampleRows[0].Replace("Castle View School", "Castle View Primary").Replace(",Open,", ",Closed,");

        var report = await Json(await Import(Extract([renamed, .. SampleRows[1..]])));

        report["created"]!.GetValue<int>().ShouldBe(0);
        report["updated"]!.GetValue<int>().ShouldBe(5);
        var setting = await Json(await Admin.GetAsync("/api/settings/137000", Ct));
        setting["name"]!.GetValue<string>().ShouldBe("Castle View Primary");
        setting["status"]!.GetValue<string>().ShouldBe("closed");
        (await Json(await Admin.GetAsync("/api/settings?limit=200", Ct)))["items"]!.AsArray().Count.ShouldBe(5);
    }

    [Fact]
    public async Task a_multipart_upload_imports_the_same_way()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Extract(SampleRows[..2]));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "edubasealldata.csv");

        var response = await Admin.PostAsync("/api/settings/imports", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(response))["created"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task a_file_that_is_not_a_gias_extract_is_a_400_naming_the_missing_columns()
    {
        var response = await Import(Encoding.UTF8.GetBytes("Name,Town\r\nA,B\r\n"));
        var wrongType = await Admin.PostAsync("/api/settings/imports", RawJson("{}"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response))["errors"]!["file"]![0]!.GetValue<string>().ShouldContain("GOR (name)");
        wrongType.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }
}
