namespace Dsl.Tests.Conventions;

/// <summary>Every endpoint answers bad input with a 4xx problem: never a 500, whatever arrives.</summary>
public sealed class BadInputTests(DslApp app) : ApiTest(app)
{
    private static readonly string?[] BadBodies = ["{}", "{\"unexpected\":true}", "[1,2]", "{\"name\":", "null", "\"text\""];

    [Fact]
    public async Task every_endpoint_answers_bad_input_with_a_4xx_problem()
    {
        var given = new Programme(App);
        var enrolment = await given.Enrolment(await given.Setting("100500"), await given.Cohort());
        var doc = await Json(await App.Client(null).GetAsync("/openapi/v1.json", Ct));
        var failures = new List<string>();
        var sent = 0;

        foreach (var (template, operations) in doc["paths"]!.AsObject())
        foreach (var (method, _) in operations!.AsObject())
        {
            foreach (var path in Paths(template, enrolment))
            foreach (var body in method is "post" or "patch" or "put" ? BadBodies : new string?[] { null })
            {
                var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path + (body is null ? "?limit=-1&cursor=%%" : ""));
                if (body is not null) request.Content = RawJson(body);
                request.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
                var response = await Admin.SendAsync(request, Ct);
                sent++;
                var status = (int)response.StatusCode;
                var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (status >= 500 || (status >= 400 && !isProblem))
                    failures.Add($"{method.ToUpperInvariant()} {path} {body} -> {status} {response.Content.Headers.ContentType}");
            }
        }

        failures.ShouldBeEmpty();
        sent.ShouldBeGreaterThan(150, "every operation, every bad body, every kind of id");
    }

    /// <summary>A route with a real id and with ids that match nothing or cannot be parsed.</summary>
    private static IEnumerable<string> Paths(string template, Guid enrolment)
    {
        if (!template.Contains('{')) return [template];
        return new[] { enrolment.ToString(), Guid.NewGuid().ToString(), "not-an-id", "100500" }
            .Select(id => System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", id))
            .Distinct();
    }
}
