using System.Text.Json.Nodes;
using Dsl.BuildingBlocks.Http;

namespace Dsl.Tests.Conventions;

public sealed class ErrorResponsesTests(DslApp app) : ApiTest(app)
{
    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Json(response);
        problem["type"]!.GetValue<string>().ShouldBe(Problems.TypeBase + type);
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"]!.GetValue<string>().ShouldBe(Problems.Catalogue.Single(t => t.Slug == type).Title);
        problem["traceId"]!.GetValue<string>().ShouldMatch("^[0-9a-f]{32}$");
        return problem;
    }

    [Fact]
    public async Task invalid_field_is_a_400_problem_keyed_by_the_field()
    {
        var response = await Admin.PostAsync("/api/academic-years", Body(new { name = "2024/26", placeCap = 0 }), Ct);

        var problem = await Problem(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["name"]![0]!.GetValue<string>().ShouldContain("2024/25");
        problem["errors"]!["placeCap"].ShouldNotBeNull();
    }

    [Fact]
    public async Task value_of_the_wrong_type_is_a_validation_problem_naming_the_field()
    {
        var response = await Admin.PostAsync("/api/academic-years", RawJson("""{"name":"2024/25","placeCap":"many"}"""), Ct);

        var problem = await Problem(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["placeCap"]![0]!.GetValue<string>().ShouldBe("must be a whole number");
    }

    [Fact]
    public async Task unknown_enum_value_names_the_field_and_lists_the_values_as_the_api_writes_them()
    {
        var id = Guid.NewGuid();
        var response = await Admin.PostAsync($"/api/enrolments/{id}/withdrawal", RawJson("""{"reason":"leftSetting"}"""), Ct);

        var problem = await Problem(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["reason"]![0]!.GetValue<string>()
            .ShouldBe("must be one of leadLeft, settingDecision, offerDeclined, other");
        var body = problem.ToJsonString();
        body.ShouldNotContain("Dsl.", Case.Sensitive);
        body.ShouldNotContain("WithdrawEnrolment");
        body.ShouldNotContain("LineNumber");
    }

    [Fact]
    public async Task nested_wrong_type_is_named_by_its_json_path()
    {
        var response = await Admin.PostAsync("/api/enrolments",
            RawJson("""{"settingUrn":"100000","lead":{"name":"Sam","onSeniorLeadershipTeam":"yes"},"track":"full"}"""), Ct);

        var problem = await Problem(response, HttpStatusCode.BadRequest, "validation");
        problem["errors"]!["lead.onSeniorLeadershipTeam"]![0]!.GetValue<string>().ShouldBe("must be true or false");
    }

    [Fact]
    public async Task unknown_json_field_is_a_validation_problem_naming_it_and_the_fields_there_are()
    {
        var top = await Admin.PostAsync("/api/academic-years", RawJson("""{"name":"2024/25","places":10}"""), Ct);
        var nested = await Admin.PostAsync("/api/enrolments", RawJson("""{"settingUrn":"100000","lead":{"nmae":"Sam"}}"""), Ct);

        (await Problem(top, HttpStatusCode.BadRequest, "validation"))["errors"]!["places"]![0]!.GetValue<string>()
            .ShouldBe("is not a field of this request; its fields are name, placeCap");
        (await Problem(nested, HttpStatusCode.BadRequest, "validation"))["errors"]!["lead.nmae"]![0]!.GetValue<string>()
            .ShouldContain("its fields are name, email");
    }

    [Fact]
    public async Task body_that_is_not_json_is_a_malformed_json_problem_with_the_position()
    {
        var broken = await Admin.PostAsync("/api/academic-years", RawJson("{\n  \"name\": \"2024/25\",\n  \"placeCap\": }"), Ct);
        var array = await Admin.PostAsync("/api/academic-years", RawJson("[1]"), Ct);
        var empty = await Admin.PostAsync("/api/academic-years", RawJson(""), Ct);
        var none = await Admin.PostAsync("/api/academic-years", RawJson("null"), Ct);

        var problem = await Problem(broken, HttpStatusCode.BadRequest, "malformed-json");
        problem["line"]!.GetValue<int>().ShouldBe(3);
        problem["detail"]!.GetValue<string>().ShouldContain("line 3");
        (await Problem(array, HttpStatusCode.BadRequest, "malformed-json"))["detail"]!.GetValue<string>()
            .ShouldBe("The body must be a JSON object.");
        await Problem(empty, HttpStatusCode.BadRequest, "malformed-json");
        await Problem(none, HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task query_value_of_the_wrong_type_is_a_400_problem_naming_it()
    {
        var response = await Admin.GetAsync("/api/academic-years?limit=lots", Ct);
        var status = await Admin.GetAsync($"/api/webhooks/subscriptions/{Guid.NewGuid()}/deliveries?status=lost", Ct);

        var problem = await Problem(response, HttpStatusCode.BadRequest, "validation");
        problem["parameter"]!.GetValue<string>().ShouldBe("limit");
        problem["errors"]!["limit"]![0]!.GetValue<string>().ShouldBe("must be a whole number");
        (await Problem(status, HttpStatusCode.BadRequest, "validation"))["errors"]!["status"]![0]!.GetValue<string>()
            .ShouldBe("must be one of pending, delivered, deadLettered");
    }

    [Fact]
    public async Task unknown_resource_is_a_404_problem()
    {
        var element = await Admin.GetAsync("/api/curriculum/elements/not-an-element", Ct);
        var year = await Admin.GetAsync("/api/academic-years/1999-00", Ct);
        var route = await Admin.GetAsync("/api/no-such-route", Ct);
        var notAGuid = await Admin.GetAsync("/api/enrolments/not-a-guid", Ct);

        (await Problem(element, HttpStatusCode.NotFound, "not-found"))["detail"]!.GetValue<string>().ShouldContain("not-an-element");
        await Problem(year, HttpStatusCode.NotFound, "not-found");
        await Problem(route, HttpStatusCode.NotFound, "not-found");
        await Problem(notAGuid, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("defer-embedding", null)]
    [InlineData("offer/accept", null)]
    [InlineData("offer/decline", null)]
    [InlineData("withdrawal", """{"reason":"leadLeft"}""")]
    [InlineData("transfer", """{"cohortId":"3fa85f64-5717-4562-b3fc-2c963f66afa6"}""")]
    public async Task an_enrolment_command_on_an_unknown_or_empty_id_is_a_404(string command, string? body)
    {
        foreach (var id in new[] { Guid.Empty, Guid.NewGuid() })
        {
            var response = await Admin.PostAsync($"/api/enrolments/{id}/{command}", body is null ? null : RawJson(body), Ct);
            await Problem(response, HttpStatusCode.NotFound, "not-found");
        }
    }

    [Fact]
    public async Task the_empty_guid_is_still_401_or_403_for_callers_without_the_role()
    {
        var anonymous = await App.Client(null).PostAsync($"/api/enrolments/{Guid.Empty}/defer-embedding", null, Ct);
        var lead = await App.Client("lead", "100000").PostAsync($"/api/enrolments/{Guid.Empty}/defer-embedding", null, Ct);

        await Problem(anonymous, HttpStatusCode.Unauthorized, "unauthorized");
        await Problem(lead, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task framework_answers_are_catalogue_problems_too()
    {
        var badToken = App.Client(null);
        badToken.DefaultRequestHeaders.Authorization = new("Bearer", "not.a.token");
        var html = new HttpRequestMessage(HttpMethod.Post, "/api/academic-years") { Content = RawJson("{}") };
        html.Headers.Accept.ParseAdd("text/html");

        var noToken = await Problem(await App.Client(null).GetAsync("/api/academic-years", Ct), HttpStatusCode.Unauthorized, "unauthorized");
        var invalid = await Problem(await badToken.GetAsync("/api/academic-years", Ct), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem(await App.Client("lead", "100000").GetAsync("/api/ops/dead-letters", Ct), HttpStatusCode.Forbidden, "forbidden");
        var method = await Admin.DeleteAsync("/api/academic-years", Ct);
        await Problem(method, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        method.Content.Headers.Allow.ShouldContain("POST");
        await Problem(await Admin.PostAsync("/api/academic-years", new StringContent("name=x"), Ct),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await Problem(await Admin.SendAsync(html, Ct), HttpStatusCode.NotAcceptable, "not-acceptable");

        noToken["detail"]!.GetValue<string>().ShouldContain("Send a bearer token");
        invalid["detail"]!.GetValue<string>().ShouldContain("not valid");
    }

    [Fact]
    public async Task creating_what_exists_is_a_409_problem()
    {
        var response = await Admin.PostAsync("/api/academic-years", Body(new { name = "2019/20" }), Ct);

        (await Problem(response, HttpStatusCode.Conflict, "conflict"))["detail"]!.GetValue<string>().ShouldContain("2019/20");
    }

    [Fact]
    public async Task body_over_the_limit_is_a_413_problem_with_or_without_a_content_length()
    {
        var huge = System.Text.Encoding.UTF8.GetBytes($$"""{"name":"{{new string('x', 1024 * 1024 + 10)}}"}""");
        var declared = await Admin.PostAsync("/api/academic-years", new ByteArrayContent(huge) { Headers = { ContentType = new("application/json") } }, Ct);
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/academic-years") { Content = new StreamContent(new MemoryStream(huge)) };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;

        await Problem(declared, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        await Problem(await Admin.SendAsync(chunked, Ct), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task unhandled_error_is_a_500_problem_with_trace_id_and_no_internals()
    {
        var response = await Admin.GetAsync(FaultInjection.Path, Ct);

        var problem = await Problem(response, HttpStatusCode.InternalServerError, "internal-error");
        problem.AsObject().Select(p => p.Key).ShouldBe(["type", "title", "status", "detail", "traceId"], ignoreOrder: true);
        var body = problem.ToJsonString();
        body.ShouldNotContain("hunter2");
        body.ShouldNotContain("InvalidOperationException");
    }

    [Fact]
    public void every_problem_type_is_documented_in_the_readme()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent;
        var readme = File.ReadAllText(Path.Combine(dir!.FullName, "README.md"));

        foreach (var type in Problems.Catalogue)
            readme.ShouldContain($"| `{type.Slug}` | {type.Status} |", customMessage: $"README's problem table lacks {type.Slug}");
    }
}
