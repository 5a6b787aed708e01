using System.Text.Json.Nodes;

namespace Dsl.Tests.Conventions;

public sealed class OpenApiTests(DslApp app) : ApiTest(app)
{
    private async Task<JsonNode> Document() => await Json(await App.Client(null).GetAsync("/openapi/v1.json", Ct));

    /// <summary>
    /// Writes the document the host serves to artifacts/openapi.json at the repository root, where .ci/run lints it
    /// with Redocly's recommended rules (the file is gitignored and rewritten on every run).
    /// </summary>
    [Fact]
    public async Task document_is_written_out_for_the_redocly_lint()
    {
        var response = await App.Client(null).GetAsync("/openapi/v1.json", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        JsonNode.Parse(text)!["paths"]!.AsObject().Count.ShouldBeGreaterThan(0);

        var path = Path.Combine(RepositoryRoot(), "artifacts", "openapi.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, Ct);
        File.ReadAllText(path).ShouldBe(text);
    }

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
            // An anonymous operation (a private calendar link: the address is the secret) says so with an empty
            // requirement, `security: [{}]`, and has no 401 to declare.
            var anonymous = operation["security"]!.AsArray().All(r => r!.AsObject().Count == 0);
            if (!anonymous) operation["responses"]!["401"].ShouldNotBeNull($"{method.ToUpperInvariant()} {path} declares no 401");
            operation["responses"]!["500"].ShouldNotBeNull();
            if (method is "post" or "patch") operation["responses"]!["400"].ShouldNotBeNull();
        }
    }

    /// <summary>
    /// The API reference lists operations by summary: a short title from [EndpointSummary] on the endpoint method,
    /// while the method's XML summary (the explanation, rules and roles) becomes the description.
    /// </summary>
    [Fact]
    public async Task every_operation_has_a_short_title_and_a_description()
    {
        var doc = await Document();
        var problems = new List<string>();

        foreach (var (name, operation) in Operations(doc))
        {
            var summary = operation["summary"]?.GetValue<string>() ?? "";
            var description = operation["description"]?.GetValue<string>() ?? "";
            if (summary.Trim().Length == 0) problems.Add($"{name}: no summary");
            if (summary.Length > 60) problems.Add($"{name}: summary over 60 characters: {summary}");
            if (summary.EndsWith('.')) problems.Add($"{name}: summary ends with a period: {summary}");
            if (summary.Contains('\n')) problems.Add($"{name}: summary spans lines: {summary}");
            if (description.Trim().Length == 0) problems.Add($"{name}: no description");
            if (description.Trim() == summary.Trim()) problems.Add($"{name}: description repeats the summary");
            // Wolverine's endpoint name (GET_api_settings_urn) is what shows when the XML summary is missing.
            if (System.Text.RegularExpressions.Regex.IsMatch(description, "^(GET|POST|PUT|PATCH|DELETE)_"))
                problems.Add($"{name}: description is the endpoint name, not its XML summary: {description}");
        }

        problems.ShouldBeEmpty();
    }

    /// <summary>What Redocly's recommended rules check and .ci/run lints in full, held here so dotnet test alone catches it.</summary>
    [Fact]
    public async Task document_has_a_licence_a_real_server_and_described_tags()
    {
        var doc = await Document();

        doc["info"]!["license"]!["name"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        doc["info"]!["license"]!["url"]!.GetValue<string>().ShouldStartWith("https://");
        var servers = doc["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).ToList();
        servers.ShouldNotBeEmpty();
        foreach (var url in servers)
        {
            (url == "/" || !url.EndsWith('/')).ShouldBeTrue($"server {url} ends with a slash");
            url.ShouldNotMatch(@"^(.*[/.])?(example\.com|localhost)([/:?].*|$)", $"server {url} is a placeholder");
        }

        var declared = doc["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        foreach (var (name, description) in declared)
            description.ShouldNotBeNullOrWhiteSpace($"tag {name} has no description: add it to ApiTags.Catalogue");
        foreach (var (name, operation) in Operations(doc))
        {
            var tags = operation["tags"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];
            tags.ShouldNotBeEmpty($"{name} has no tag");
            foreach (var tag in tags) declared.ShouldContainKey(tag, $"{name} uses tag {tag}, which the document does not declare");
            operation["responses"]!.AsObject().Select(r => r.Key).ShouldContain(code => code.StartsWith('4'), $"{name} documents no 4xx response");
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

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode doc) =>
        from path in doc["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dsl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dsl.sln not found above the test output");
    }

    private static IEnumerable<string> Properties(JsonNode doc, string path, string method)
    {
        var schema = doc["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        if (schema["$ref"] is { } reference)
            schema = doc["components"]!["schemas"]![reference.GetValue<string>().Split('/').Last()]!;
        return schema["properties"]!.AsObject().Select(p => p.Key);
    }
}
