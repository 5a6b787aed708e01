using System.Diagnostics;
using System.Net;
using System.Text;
using Dsl.Host.Integrators.Events;
using Dsl.Host.Integrators.Webhooks;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;
using StandardWebhooks;

namespace Dsl.Host.Integrators.Deliveries;

/// <summary>
/// Makes one delivery attempt: signs the CloudEvent per Standard Webhooks, POSTs it through the subscription's
/// resilience pipeline (15 s timeout, circuit breaker) and decides what happens next. Retries are not Polly's:
/// they are durable, rescheduled in the delivery queue (ADR 0013).
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, IOptions<WebhookOptions> options, TimeProvider clock,
    ILoggerFactory loggerFactory)
{
    public const string HttpClientName = "webhooks";
    private readonly WebhookOptions _options = options.Value;
    private readonly ResiliencePipelineRegistry<Guid> _pipelines = new();

    public async Task<AttemptResult> SendAsync(DueDelivery delivery, WebhookSubscription subscription, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var number = delivery.AttemptCount + 1;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await Pipeline(subscription.Id).ExecuteAsync(
                async token => await httpClients.CreateClient(HttpClientName).SendAsync(Request(delivery, subscription, now), token), ct);
            var attempt = new DeliveryAttempt(number, now, (int)response.StatusCode, Elapsed(started), null);
            return Decide(number, now, attempt, response);
        }
        catch (BrokenCircuitException broken)
        {
            // No request was sent, so no attempt is spent: the delivery waits for the circuit to close.
            return new AttemptResult(DeliveryStatus.Pending, delivery.AttemptCount,
                now + (broken.RetryAfter ?? _options.CircuitBreakDuration), null, "circuit open: the receiver failed repeatedly");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException)
        {
            var error = e is TimeoutRejectedException ? $"no answer within {_options.AttemptTimeout.TotalSeconds:0.#} s" : Describe(e);
            return Decide(number, now, new DeliveryAttempt(number, now, null, Elapsed(started), error), null);
        }
    }

    private AttemptResult Decide(int number, DateTimeOffset now, DeliveryAttempt attempt, HttpResponseMessage? response)
    {
        if (response is { IsSuccessStatusCode: true }) return new AttemptResult(DeliveryStatus.Delivered, number, null, attempt, null);
        var error = attempt.Error ?? $"receiver answered {(int)response!.StatusCode}";
        if (response?.StatusCode == HttpStatusCode.Gone)
            return new AttemptResult(DeliveryStatus.DeadLettered, number, null, attempt, "receiver answered 410 Gone: subscription disabled");
        if (number > _options.Schedule.Count)
            return new AttemptResult(DeliveryStatus.DeadLettered, number, null, attempt, $"{error}; gave up after {number} attempts");
        return new AttemptResult(DeliveryStatus.Pending, number, now + RetryDelay(number, response), attempt, error);
    }

    private TimeSpan RetryDelay(int number, HttpResponseMessage? response)
    {
        if (response?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            && response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - clock.GetUtcNow()) ?? TimeSpan.Zero;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;
        }
        var scheduled = _options.Schedule[number - 1];
        var spread = 1 + _options.Jitter * (2 * Random.Shared.NextDouble() - 1);
        return scheduled * spread;
    }

    private static HttpRequestMessage Request(DueDelivery delivery, WebhookSubscription subscription, DateTimeOffset now)
    {
        var id = delivery.EventId.ToString();
        var signatures = subscription.SigningSecretsAt(now).Select(secret => new StandardWebhook(secret).Sign(id, now, delivery.Body));
        var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, CloudEvent.MediaType),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", string.Join(' ', signatures));
        return request;
    }

    private ResiliencePipeline<HttpResponseMessage> Pipeline(Guid subscriptionId) =>
        _pipelines.GetOrAddPipeline<HttpResponseMessage>(subscriptionId, builder => builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = _options.CircuitFailureRatio,
                MinimumThroughput = _options.CircuitMinimumThroughput,
                SamplingDuration = _options.CircuitSamplingDuration,
                BreakDuration = _options.CircuitBreakDuration,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>().Handle<TimeoutRejectedException>().Handle<IOException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout),
            })
            .AddTimeout(_options.AttemptTimeout)
            .ConfigureTelemetry(loggerFactory));

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static string Describe(Exception e) =>
        e.InnerException is System.Net.Sockets.SocketException socket ? $"{e.Message} ({socket.SocketErrorCode})" : e.Message;
}
