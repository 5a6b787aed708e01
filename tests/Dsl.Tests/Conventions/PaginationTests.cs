namespace Dsl.Tests.Conventions;

public sealed class PaginationTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task paging_with_next_cursor_returns_every_item_once_in_order()
    {
        foreach (var name in new[] { "2024/25", "2025/26", "2026/27" })
            (await Admin.PostAsync("/api/academic-years", Body(new { name }), Ct)).EnsureSuccessStatusCode();

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Json(await Admin.GetAsync($"/api/academic-years?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}", Ct));
            seen.AddRange(page["items"]!.AsArray().Select(y => y!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        } while (cursor is not null);

        pages.ShouldBe(3);
        seen.ShouldBe(["2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25", "2025-26", "2026-27"]);
    }

    [Fact]
    public async Task limit_out_of_range_and_forged_cursor_are_400_problems()
    {
        var limit = await Admin.GetAsync("/api/curriculum/elements?limit=0", Ct);
        var cursor = await Admin.GetAsync("/api/regions?cursor=%25%25%25", Ct);

        limit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(limit))["errors"]!["limit"].ShouldNotBeNull();
        cursor.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(cursor))["errors"]!["cursor"].ShouldNotBeNull();
    }
}
