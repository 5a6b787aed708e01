using System.Text.Json.Nodes;

namespace Dsl.Tests.Conventions;

public sealed class OpenApiTests(DslApp app) : ApiTest(app)
{
    private async Task<JsonNode> Document() => await Json(await App.Client(null).GetAsync("/openapi/v1.json", Ct));

    [Fact]
    public async Task document_is_openapi_3_1_with_the_bearer_scheme()
    {
        var doc = await Document();

        doc["openapi"]!.GetValue<string>().ShouldStartWith("3.1");
        doc["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
    }

    [Fact]
    public async Task document_lists_every_endpoint_with_security_and_error_responses()
    {
        var doc = await Document();
        var chains = App.HttpChains();

        foreach (var chain in chains)
        {
            var path = "/" + chain.RoutePattern!.RawText!.TrimStart('/');
            var method = chain.HttpMethods.Single().ToLowerInvariant();
            var operation = doc["paths"]?[path]?[method];
            operation.ShouldNotBeNull($"{method.ToUpperInvariant()} {path} is missing from the OpenAPI document");
            operation["security"].ShouldNotBeNull($"{method.ToUpperInvariant()} {path} declares no security");
            operation["responses"]!["401"].ShouldNotBeNull();
            operation["responses"]!["500"].ShouldNotBeNull();
            if (method is "post" or "patch") operation["responses"]!["400"].ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task request_bodies_are_described_with_their_real_field_names()
    {
        var doc = await Document();

        Properties(doc, "/api/academic-years", "post").ShouldBe(["name", "placeCap"], ignoreOrder: true);
        Properties(doc, "/api/academic-years/{id}", "patch").ShouldBe(["placeCap"]);
        Properties(doc, "/api/webhooks/subscriptions", "post").ShouldBe(["url", "eventTypes", "regions", "description"], ignoreOrder: true);
        Properties(doc, "/api/webhooks/subscriptions/{id}", "patch").ShouldBe(["status", "eventTypes", "regions", "description"], ignoreOrder: true);
    }

    private static IEnumerable<string> Properties(JsonNode doc, string path, string method)
    {
        var schema = doc["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        if (schema["$ref"] is { } reference)
            schema = doc["components"]!["schemas"]![reference.GetValue<string>().Split('/').Last()]!;
        return schema["properties"]!.AsObject().Select(p => p.Key);
    }
}
