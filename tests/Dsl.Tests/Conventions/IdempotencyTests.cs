namespace Dsl.Tests.Conventions;

public sealed class IdempotencyTests(DslApp app) : ApiTest(app)
{
    private async Task<HttpResponseMessage> Create(string name, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/academic-years") { Content = Body(new { name }) };
        request.Headers.Add("Idempotency-Key", key);
        return await Admin.SendAsync(request, Ct);
    }

    [Fact]
    public async Task retry_with_the_same_key_returns_the_first_response_and_creates_nothing_new()
    {
        var first = await Create("2024/25", "key-1");
        var retry = await Create("2024/25", "key-1");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        var years = await Json(await Admin.GetAsync("/api/academic-years", Ct));
        years["items"]!.AsArray().Count(y => y!["id"]!.GetValue<string>() == "2024-25").ShouldBe(1);
    }

    [Fact]
    public async Task same_key_with_a_different_body_is_a_422_problem()
    {
        (await Create("2024/25", "key-2")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var reused = await Create("2025/26", "key-2");

        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        reused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Admin.GetAsync("/api/academic-years/2025-26", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_failed_request_does_not_burn_the_key()
    {
        (await Create("2024/26", "key-3")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await Create("2024/26", "key-3")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
