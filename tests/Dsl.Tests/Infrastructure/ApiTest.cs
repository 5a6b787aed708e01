using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dsl.Tests.Infrastructure;

/// <summary>Base for tests: a clean database before each test, clients per role, JSON helpers.</summary>
public abstract class ApiTest(DslApp app) : IAsyncLifetime
{
    protected DslApp App { get; } = app;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => await App.ResetAsync();
    /// <summary>Whatever a test did, the place ledger's occupancy counters still agree with the enrolments.</summary>
    public virtual async ValueTask DisposeAsync() =>
        (await App.OccupancyDrift()).ShouldBeEmpty("cohort_occupancy drifted from the enrolments");

    private HttpClient? _admin;

    /// <summary>One admin for the whole test, so idempotency keys and audit see the same caller.</summary>
    protected HttpClient Admin => _admin ??= App.Client("admin");

    protected static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

    protected static StringContent RawJson(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    protected static JsonContent Body(object value) => JsonContent.Create(value, options: JsonOptions);

    protected static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
