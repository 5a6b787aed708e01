using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dsl.BuildingBlocks.Http;

namespace Dsl.Tests.Conventions;

/// <summary>
/// Every operation in the OpenAPI document, sent unknown ids, malformed bodies and unreadable query values as an
/// admin: never a 5xx, always a problem of the catalogue that names what to fix and shows nothing of the inside.
/// </summary>
public sealed partial class BadInputTests(DslApp app) : ApiTest(app)
{
    private static readonly string[] InvalidJson = ["{", "not json", "{} trailing", "{'single':'quotes'}", "{\"unterminated", ""];
    private static readonly string[] WrongShape = ["[1,2]", "\"text\"", "42"];
    private static readonly string[] Internals =
        ["Dsl.", "System.", "Microsoft.", "Wolverine", "Marten", "JasperFx", "Npgsql", "Exception", "   at ", "LineNumber", "BytePositionInLine"];

    private static readonly HashSet<string> CatalogueTypes = Problems.Catalogue.Select(t => t.Uri).ToHashSet();

    /// <summary>Bodies that are not JSON at all, with the content type they claim.</summary>
    private static readonly (string ContentType, string Body)[] OtherMediaTypes =
    [
        ("text/plain", "name=x"), ("multipart/form-data; boundary=xyz", "--xyz\r\nbroken"), ("multipart/form-data", "no boundary"),
        ("text/csv", "\"unclosed,quote\n1,2"), ("application/x-www-form-urlencoded", "a=%%"),
    ];

    private sealed record Case(string Method, string Path, string? Body, string Why, Func<int, JsonNode?, string?>? Expect = null,
        string ContentType = "application/json");

    [Fact]
    public async Task every_operation_answers_unknown_ids_and_malformed_input_with_a_catalogue_problem()
    {
        var given = new Programme(App);
        var enrolment = await given.Enrolment(await given.Setting("100500"), await given.Cohort());
        var doc = await Json(await App.Client(null).GetAsync("/openapi/v1.json", Ct));
        var schemas = doc["components"]!["schemas"]!.AsObject();
        var cases = new List<Case>();

        foreach (var (template, operations) in doc["paths"]!.AsObject())
        foreach (var (verb, operation) in operations!.AsObject())
        {
            var method = verb.ToUpperInvariant();
            var parameters = operation!["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
            var routeParameters = parameters.Where(p => (string)p["in"]! == "path").ToList();
            var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
            var hasBody = method is "POST" or "PATCH" or "PUT";

            // Unknown ids: a random GUID, the empty GUID and values that are not ids at all, in every route parameter.
            if (routeParameters.Count > 0)
            {
                var body = bodySchema is null ? (hasBody ? "" : null) : "{}";
                foreach (var (value, why) in new[]
                         {
                             (Guid.NewGuid().ToString(), "random GUID"), (Guid.Empty.ToString(), "empty GUID"),
                             ("not-an-id", "not an id"), ("0", "zero"), ("%20", "blank"),
                         })
                {
                    var path = Fill(template, _ => value);
                    // The empty GUID names nothing, whatever the body says; other unknown ids are 404 unless the body
                    // or query is refused first (a 400 naming what is wrong).
                    cases.Add(new Case(method, path, body, why, why == "empty GUID"
                        ? (status, _) => status == 404 ? null : $"expected 404, got {status}"
                        : (status, _) => status is 404 or 400 ? null : $"expected 404 (or 400), got {status}"));
                }
            }

            var idPaths = routeParameters.Count == 0
                ? [template]
                : new[] { Fill(template, _ => enrolment.ToString()), Fill(template, _ => Guid.NewGuid().ToString()) }.Distinct().ToArray();

            // Malformed bodies: not JSON, the wrong shape, and each field with a value of the wrong type.
            if (hasBody)
            foreach (var path in idPaths)
            {
                foreach (var body in InvalidJson)
                    cases.Add(new Case(method, path, body, "invalid JSON", bodySchema is null ? null : (status, problem) =>
                        status == 400 && Type(problem) is "malformed-json" ? null : $"expected a 400 malformed-json, got {status} {Type(problem)}"));
                foreach (var body in WrongShape)
                    cases.Add(new Case(method, path, body, "not an object", bodySchema is null ? null : (status, problem) =>
                        status == 400 && Type(problem) is "malformed-json" ? null : $"expected a 400 malformed-json, got {status} {Type(problem)}"));
                cases.Add(new Case(method, path, "null", "null body"));
                foreach (var (contentType, body) in OtherMediaTypes)
                    cases.Add(new Case(method, path, body, contentType, ContentType: contentType));
                if (bodySchema is null) continue;
                cases.Add(new Case(method, path, """{"noSuchField":1}""", "unknown field",
                    (status, problem) => Names(problem, "noSuchField")));
                foreach (var (field, wrong, rule) in WrongValues(bodySchema, schemas, ""))
                    cases.Add(new Case(method, path, Nest(field, wrong), $"{field} = {wrong}",
                        (status, problem) => Names(problem, field, rule)));
            }

            // Query values that cannot be read: a 400 naming the parameter.
            foreach (var query in parameters.Where(p => (string)p["in"]! == "query"))
            {
                var name = (string)query["name"]!;
                if (WrongQueryValue(query["schema"]!, schemas) is not { } wrong) continue;
                foreach (var path in idPaths.Take(1))
                    cases.Add(new Case(method, $"{path}?{name}={Uri.EscapeDataString(wrong.Value)}", hasBody ? "{}" : null,
                        $"query {name} = {wrong.Value}", (status, problem) => Names(problem, name, wrong.Rule)));
            }
        }

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = Ct }, async (c, ct) =>
        {
            var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Path);
            if (c.Body is not null)
            {
                request.Content = new StringContent(c.Body);
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }
            request.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
            using var response = await Admin.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct);
            var problem = status >= 400 && text.Length > 0 ? JsonNode.Parse(text) : null;
            var wrong = status >= 500 ? "a server error"
                : status < 400 ? null
                : response.Content.Headers.ContentType?.MediaType != "application/problem+json" ? "not application/problem+json"
                : !CatalogueTypes.Contains((string?)problem?["type"] ?? "") ? $"type {problem?["type"]} is not in the catalogue"
                : (int?)problem?["status"] != status ? "status in the body differs"
                : string.IsNullOrEmpty((string?)problem?["traceId"]) ? "no traceId"
                : Internals.FirstOrDefault(text.Contains) is { } leak ? $"reveals \"{leak}\""
                : null;
            wrong ??= c.Expect?.Invoke(status, problem);
            if (wrong is not null) failures.Add($"{c.Method} {c.Path} [{c.Why}] {c.Body}: {wrong}\n    {text}");
        });

        failures.ShouldBeEmpty();
        cases.Count.ShouldBeGreaterThan(300, "every operation, every kind of id, body and query value");
    }

    private static string Fill(string template, Func<string, string> value) =>
        RouteParameter().Replace(template, m => value(m.Groups[1].Value));

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex RouteParameter();

    private static string? Type(JsonNode? problem) =>
        ((string?)problem?["type"])?.Replace(Problems.TypeBase, "");

    /// <summary>Null when the problem is a 400 validation problem whose errors name the field (with the rule, if given).</summary>
    private static string? Names(JsonNode? problem, string field, string? rule = null)
    {
        if (Type(problem) != "validation" || (int?)problem?["status"] != 400)
            return $"expected a 400 validation problem naming {field}, got {(int?)problem?["status"]} {Type(problem)}";
        var messages = problem?["errors"]?[field]?.AsArray().Select(m => (string)m!).ToList();
        if (messages is null or { Count: 0 }) return $"errors do not name {field}";
        return rule is null || messages.Any(m => m.Contains(rule)) ? null : $"errors[{field}] do not say \"{rule}\"";
    }

    /// <summary>The body <c>{"a":{"b":value}}</c> for the field path <c>a.b</c>.</summary>
    private static string Nest(string field, string value) =>
        field.Split('.').Reverse().Aggregate(value, (inner, name) => $"{{\"{name}\":{inner}}}");

    /// <summary>
    /// For each field of a request schema (and of the objects it holds), a JSON value of the wrong type and what
    /// the answer must say: enum fields get an unknown value and must list every allowed one.
    /// </summary>
    private static IEnumerable<(string Field, string Value, string Rule)> WrongValues(JsonNode schema, JsonObject schemas, string prefix, int depth = 0)
    {
        schema = Resolve(schema, schemas);
        if (schema["properties"] is not JsonObject properties || depth > 2) yield break;
        foreach (var (name, property) in properties)
        {
            var field = prefix + name;
            var resolved = Resolve(property!, schemas);
            var types = TypesOf(resolved);
            if (resolved["enum"] is JsonArray values)
            {
                var allowed = values.Where(v => v is not null).Select(v => (string)v!).ToArray();
                yield return (field, "\"noSuchValue\"", "must be one of " + string.Join(", ", allowed));
            }
            else if (resolved["properties"] is not null)
            {
                yield return (field, "42", "must be a JSON object");
                foreach (var nested in WrongValues(resolved, schemas, field + ".", depth + 1)) yield return nested;
            }
            else if (types.Contains("array")) yield return (field, "42", "must be a JSON array");
            else if (types.Contains("integer")) yield return (field, "\"many\"", "must be a whole number");
            else if (types.Contains("number")) yield return (field, "\"many\"", "must be a number");
            else if (types.Contains("boolean")) yield return (field, "\"yes\"", "must be true or false");
            else if ((string?)resolved["format"] == "uuid") yield return (field, "\"not-a-guid\"", "must be an id");
            else if ((string?)resolved["format"] == "date") yield return (field, "\"2024-13-45\"", "must be a date as yyyy-MM-dd");
            else if ((string?)resolved["format"] == "date-time") yield return (field, "\"yesterday\"", "must be a date and time");
            else if (types.Contains("string")) yield return (field, "{\"not\":\"a string\"}", "must be a string");
        }
    }

    private static (string Value, string Rule)? WrongQueryValue(JsonNode schema, JsonObject schemas)
    {
        var resolved = Resolve(schema, schemas);
        var types = TypesOf(resolved);
        if (resolved["enum"] is JsonArray values)
            return ("noSuchValue", "must be one of " + string.Join(", ", values.Where(v => v is not null).Select(v => (string)v!)));
        if (types.Contains("integer")) return ("lots", "must be a whole number");
        if ((string?)resolved["format"] == "uuid") return ("not-a-guid", "must be an id");
        if ((string?)resolved["format"] == "date-time") return ("yesterday", "must be a date and time");
        return null;
    }

    /// <summary>Follows <c>$ref</c> and the <c>oneOf: [null, $ref]</c> a nullable reference is written as.</summary>
    private static JsonNode Resolve(JsonNode schema, JsonObject schemas)
    {
        if (schema["$ref"] is { } reference) return Resolve(schemas[((string)reference!).Split('/')[^1]]!, schemas);
        if (schema["oneOf"] is JsonArray options && options.FirstOrDefault(o => o?["$ref"] is not null) is { } referenced)
            return Resolve(referenced, schemas);
        return schema;
    }

    private static string[] TypesOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => (string)t!).Where(t => t != "null").ToArray(),
        JsonValue one => [(string)one!],
        _ => [],
    };
}
