using System.Net.Http.Json;

namespace Dsl.Tests.Enrolment;

public sealed class SettingsTests(DslApp app) : ApiTest(app)
{
    private Programme Given => new(App);

    [Fact]
    public async Task an_admin_registers_a_setting_whose_funding_follows_its_type()
    {
        var created = await Admin.PostAsJsonAsync("/api/settings", new
        {
            urn = "100001", ukprn = "10012345", name = "St Mary's", type = "independentSchool", phase = "allThrough",
            localAuthority = "Kent", region = "south-east",
        }, Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe("/api/settings/100001");
        var setting = await Json(await Admin.GetAsync("/api/settings/100001", Ct));
        setting["funding"]!.GetValue<string>().ShouldBe("independent");
        setting["status"]!.GetValue<string>().ShouldBe("open");
        setting["phase"]!.GetValue<string>().ShouldBe("allThrough");
    }

    [Fact]
    public async Task registering_bad_or_duplicate_settings_is_refused()
    {
        await Given.Setting("100002");

        var duplicate = await Admin.PostAsJsonAsync("/api/settings", new
        {
            urn = "100002", name = "Again", type = "academy", phase = "primary", localAuthority = "Kent", region = "south-east",
        }, Ct);
        var invalid = await Admin.PostAsJsonAsync("/api/settings", new
        {
            urn = "12", name = "", type = "academy", phase = "primary", localAuthority = "Kent", region = "wales",
        }, Ct);
        var badEnum = await Admin.PostAsync("/api/settings", RawJson("""{"urn":"100003","name":"X","type":"castle","phase":"primary","localAuthority":"K","region":"london"}"""), Ct);

        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(invalid))["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["urn", "name", "region"], ignoreOrder: true);
        badEnum.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(badEnum))["errors"]!["type"]![0]!.GetValue<string>().ShouldStartWith("must be one of academy, ");
    }

    [Fact]
    public async Task changing_a_setting_needs_its_current_etag()
    {
        await Given.Setting("100004");
        var etag = (await Admin.GetAsync("/api/settings/100004", Ct)).Headers.ETag!.Tag;

        var change = new HttpRequestMessage(HttpMethod.Patch, "/api/settings/100004") { Content = Body(new { status = "closed" }) };
        change.Headers.TryAddWithoutValidation("If-Match", etag);
        var changed = await Admin.SendAsync(change, Ct);
        var stale = new HttpRequestMessage(HttpMethod.Patch, "/api/settings/100004") { Content = Body(new { name = "Renamed" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(changed))["status"]!.GetValue<string>().ShouldBe("closed");
        (await Admin.SendAsync(stale, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await Admin.GetAsync("/api/settings/999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task settings_are_listed_by_region_phase_funding_and_name()
    {
        await Given.Setting("100010", region: "london", name: "Hillside Academy");
        await Given.Setting("100011", region: "london", type: "independentSchool", name: "Hill House");
        await Given.Setting("100012", region: "north-west", name: "Hillside Primary");
        await Given.Setting("100013", region: "london", name: "Castle View");

        var london = await Json(await Admin.GetAsync("/api/settings?region=london&q=HILL", Ct));
        var independent = await Json(await Admin.GetAsync("/api/settings?funding=independent", Ct));
        var firstPage = await Json(await Admin.GetAsync("/api/settings?limit=3", Ct));

        london["items"]!.AsArray().Select(s => s!["urn"]!.GetValue<string>()).ShouldBe(["100010", "100011"]);
        independent["items"]!.AsArray().Select(s => s!["urn"]!.GetValue<string>()).ShouldBe(["100011"]);
        var next = firstPage["nextCursor"]!.GetValue<string>();
        var secondPage = await Json(await Admin.GetAsync($"/api/settings?limit=3&cursor={next}", Ct));
        secondPage["items"]!.AsArray().Select(s => s!["urn"]!.GetValue<string>()).ShouldBe(["100013"]);
        (await Admin.GetAsync("/api/settings?funding=private", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
