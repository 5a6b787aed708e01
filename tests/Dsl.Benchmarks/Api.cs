using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dsl.Benchmarks;

/// <summary>The harness's calls to a host: a request whose answer must be a success, read as JSON.</summary>
public static class Api
{
    public static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {client.BaseAddress}{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }
}
