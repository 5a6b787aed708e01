namespace Dsl.Tests.Conventions;

public sealed class ErrorResponsesTests(DslApp app) : ApiTest(app)
{
    [Fact]
    public async Task invalid_field_is_a_400_problem_keyed_by_the_field()
    {
        var response = await Admin.PostAsync("/api/academic-years", Body(new { name = "2024/26", placeCap = 0 }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Json(response);
        problem["errors"]!["name"]![0]!.GetValue<string>().ShouldContain("2024/25");
        problem["errors"]!["placeCap"].ShouldNotBeNull();
    }

    [Fact]
    public async Task malformed_json_is_a_400_problem_naming_the_field()
    {
        var response = await Admin.PostAsync("/api/academic-years", RawJson("""{"name":"2024/25","placeCap":"many"}"""), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Json(response))["detail"]!.GetValue<string>().ShouldContain("$.placeCap");
    }

    [Fact]
    public async Task unknown_json_field_is_a_400_problem_naming_it()
    {
        var response = await Admin.PostAsync("/api/academic-years", RawJson("""{"name":"2024/25","places":10}"""), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response))["detail"]!.GetValue<string>().ShouldContain("places");
    }

    [Fact]
    public async Task query_value_of_the_wrong_type_is_a_400_problem_naming_it()
    {
        var response = await Admin.GetAsync("/api/academic-years?limit=lots", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response))["parameter"]!.GetValue<string>().ShouldBe("limit");
    }

    [Fact]
    public async Task unknown_resource_is_a_404_problem()
    {
        var element = await Admin.GetAsync("/api/curriculum/elements/not-an-element", Ct);
        var year = await Admin.GetAsync("/api/academic-years/1999-00", Ct);
        var route = await Admin.GetAsync("/api/no-such-route", Ct);

        foreach (var response in new[] { element, year, route })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        (await Json(element))["detail"]!.GetValue<string>().ShouldContain("not-an-element");
    }

    [Fact]
    public async Task creating_what_exists_is_a_409_problem()
    {
        var response = await Admin.PostAsync("/api/academic-years", Body(new { name = "2019/20" }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(response))["detail"]!.GetValue<string>().ShouldContain("2019/20");
    }

    [Fact]
    public async Task body_over_the_limit_is_a_413_problem()
    {
        var huge = new string('x', 1024 * 1024 + 10);
        var response = await Admin.PostAsync("/api/academic-years", RawJson($$"""{"name":"{{huge}}"}"""), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task unhandled_error_is_a_500_problem_with_trace_id_and_no_internals()
    {
        var response = await Admin.GetAsync(FaultInjection.Path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldNotContain("hunter2");
        body.ShouldNotContain("InvalidOperationException");
        (await Json(response))["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }
}
