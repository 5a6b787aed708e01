using System.Text.Json.Nodes;

namespace Dsl.Tests.Curriculum;

public sealed class CurriculumResourceTests(DslApp app) : ApiTest(app)
{
    private static JsonArray Items(JsonNode page) => page["items"]!.AsArray();

    private async Task<HttpResponseMessage> Add(object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/curriculum/resources") { Content = Body(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await Admin.SendAsync(request, Ct);
    }

    [Fact]
    public async Task the_catalogue_links_are_seeded_once_each_and_readable_by_a_lead()
    {
        var lead = App.Client("lead", "100000");
        var page = await Json(await lead.GetAsync("/api/curriculum/resources?limit=200", Ct));

        var urls = Items(page).Select(r => r!["url"]!.GetValue<string>()).ToList();
        urls.ShouldContain("https://www.gov.uk/government/publications/respectful-school-communities-self-review-and-signposting-tool");
        urls.Count.ShouldBe(urls.Distinct().Count());
        Items(page).ShouldAllBe(r => r!["fromCatalogue"]!.GetValue<bool>() && r["elementCodes"]!.AsArray().Count > 0);
        var forEthos = await Json(await lead.GetAsync("/api/curriculum/resources?element=ethos-and-environment", Ct));
        Items(forEthos).ShouldNotBeEmpty();
        Items(forEthos).ShouldAllBe(r => r!["elementCodes"]!.AsArray().Any(c => c!.GetValue<string>() == "ethos-and-environment"));
    }

    [Fact]
    public async Task an_admin_adds_a_resource_idempotently_and_it_pages_with_a_cursor()
    {
        var body = new { title = "Staff wellbeing charter", kind = "template", url = "https://example.org/charter",
            publisher = "Example Trust", elementCodes = new[] { "staff-development" } };
        var first = await Add(body, "res-1");
        var retry = await Add(body, "res-1");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        var created = await Json(first);
        created["kind"]!.GetValue<string>().ShouldBe("template");
        var all = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Json(await Admin.GetAsync($"/api/curriculum/resources?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}", Ct));
            all.AddRange(Items(page).Select(r => r!["url"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        all.Count(u => u == "https://example.org/charter").ShouldBe(1);
        all.Count.ShouldBe(all.Distinct().Count());
    }

    [Fact]
    public async Task a_resource_with_an_unknown_element_or_kind_is_a_400_naming_the_field()
    {
        var response = await Add(new { title = "X", kind = "template", url = "https://example.org/x", elementCodes = new[] { "nope" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response))["errors"]!.AsObject().ShouldContainKey("elementCodes");
        (await Add(new { title = "X", kind = "podcast", url = "https://example.org/x", elementCodes = new[] { "staff-development" } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await App.Client("facilitator").PostAsync("/api/curriculum/resources",
            Body(new { title = "X", kind = "tool", url = "https://example.org/x", elementCodes = new[] { "staff-development" } }), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_change_needs_the_current_etag()
    {
        var created = await Add(new { title = "Old title", kind = "article", url = "https://example.org/a", elementCodes = new[] { "staff-development" } });
        var location = created.Headers.Location!.ToString();

        var stale = new HttpRequestMessage(HttpMethod.Patch, location) { Content = Body(new { title = "New" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
        (await Admin.SendAsync(stale, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var change = new HttpRequestMessage(HttpMethod.Patch, location) { Content = Body(new { title = "New title", kind = "guidance" }) };
        change.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        var changed = await Admin.SendAsync(change, Ct);

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reread = await Json(await Admin.GetAsync(location, Ct));
        reread["title"]!.GetValue<string>().ShouldBe("New title");
        reread["kind"]!.GetValue<string>().ShouldBe("guidance");
        reread["url"]!.GetValue<string>().ShouldBe("https://example.org/a");
    }

    [Fact]
    public async Task a_retired_resource_leaves_the_lists_but_its_address_keeps_resolving()
    {
        var created = await Add(new { title = "Short-lived", kind = "video", url = "https://example.org/v", elementCodes = new[] { "parents-and-carers" } });
        var location = created.Headers.Location!.ToString();

        var retire = new HttpRequestMessage(HttpMethod.Post, location + "/retire");
        retire.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await Admin.SendAsync(retire, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lead = App.Client("lead", "100000");
        var listed = await Json(await lead.GetAsync("/api/curriculum/resources?element=parents-and-carers&limit=200", Ct));
        Items(listed).ShouldNotContain(r => r!["url"]!.GetValue<string>() == "https://example.org/v");
        var old = await lead.GetAsync(location, Ct);
        old.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(old))["retired"]!.GetValue<bool>().ShouldBeTrue();
    }
}
