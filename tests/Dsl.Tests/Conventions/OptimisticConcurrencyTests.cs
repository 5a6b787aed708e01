namespace Dsl.Tests.Conventions;

public sealed class OptimisticConcurrencyTests(DslApp app) : ApiTest(app)
{
    private static HttpRequestMessage Patch(int placeCap, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, "/api/academic-years/2019-20") { Content = Body(new { placeCap }) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task update_with_the_current_etag_succeeds_and_moves_the_etag_on()
    {
        var read = await Admin.GetAsync("/api/academic-years/2019-20", Ct);
        var etag = read.Headers.ETag!.Tag;

        var update = await Admin.SendAsync(Patch(6000, etag), Ct);

        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        update.Headers.ETag!.Tag.ShouldNotBe(etag);
        (await Json(update))["placeCap"]!.GetValue<int>().ShouldBe(6000);
        var reread = await Admin.GetAsync("/api/academic-years/2019-20", Ct);
        reread.Headers.ETag!.Tag.ShouldBe(update.Headers.ETag.Tag);
    }

    [Fact]
    public async Task update_with_a_stale_etag_is_a_412_problem_and_changes_nothing()
    {
        var etag = (await Admin.GetAsync("/api/academic-years/2019-20", Ct)).Headers.ETag!.Tag;
        (await Admin.SendAsync(Patch(6000, etag), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await Admin.SendAsync(Patch(7000, etag), Ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var year = await Json(await Admin.GetAsync("/api/academic-years/2019-20", Ct));
        year["placeCap"]!.GetValue<int>().ShouldBe(6000);
    }

    [Fact]
    public async Task concurrent_updates_with_the_same_etag_let_exactly_one_win()
    {
        var etag = (await Admin.GetAsync("/api/academic-years/2019-20", Ct)).Headers.ETag!.Tag;

        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => App.Client("admin").SendAsync(Patch(6000 + i, etag), Ct)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(5);
    }

    [Fact]
    public async Task update_without_if_match_is_a_428_problem()
    {
        var response = await Admin.SendAsync(Patch(6000, null), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
