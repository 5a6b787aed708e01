using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Dsl.Tests.Integrators;

/// <summary>What a receiver saw of one delivery attempt.</summary>
/// <param name="TraceParent">The W3C trace context the sender propagated, if any.</param>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string ContentType, string Body, string? TraceParent = null);

/// <summary>
/// An integrator's endpoint on a real loopback port: records every request and answers with what the test
/// scripts (200 unless told otherwise). Stopping it makes the port refuse connections, as a server that is down.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;
    private int _requests;

    public int Port { get; } = FreePort();
    public string Url => $"http://127.0.0.1:{Port}/hooks";
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();
    /// <summary>The answer to the n-th request (1-based): a status code and optional headers.</summary>
    public Func<int, (int Status, Dictionary<string, string>? Headers)> Answer { get; set; } = _ => (200, null);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.UpAsync();
        return receiver;
    }

    public async Task UpAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers;
            Received.Enqueue(new ReceivedWebhook(headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(),
                headers["webhook-signature"].ToString(), context.Request.ContentType ?? "", body, headers["traceparent"].FirstOrDefault()));
            var (status, extra) = Answer(Interlocked.Increment(ref _requests));
            foreach (var (name, value) in extra ?? []) context.Response.Headers[name] = value;
            context.Response.StatusCode = status;
        });
        await _app.StartAsync();
    }

    public async Task DownAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public ValueTask DisposeAsync() => new(DownAsync());

    /// <summary>
    /// The Standard Webhooks check, written from the specification rather than with the library DSL signs with:
    /// some v1 signature must be base64(HMAC-SHA256(secret, id.timestamp.body)), and the timestamp within 5 minutes.
    /// </summary>
    public static bool Verify(ReceivedWebhook webhook, string secret, DateTimeOffset now)
    {
        if (!long.TryParse(webhook.Timestamp, out var seconds)) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > TimeSpan.FromMinutes(5)) return false;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}")));
        return webhook.Signature.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), Encoding.ASCII.GetBytes(expected)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
