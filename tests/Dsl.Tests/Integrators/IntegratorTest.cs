using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Enrolment.Contracts;
using Wolverine;

namespace Dsl.Tests.Integrators;

/// <summary>Base for integrator tests: a receiver on a real port, subscriptions, published events, and waiting on outcomes.</summary>
public abstract class IntegratorTest(DslApp app) : ApiTest(app)
{
    protected WebhookReceiver Receiver { get; private set; } = null!;
    private HttpClient? _integrator;
    protected HttpClient Integrator => _integrator ??= App.Client("integrator");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Receiver = await WebhookReceiver.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Subscribes the receiver; returns the subscription's id and signing secret.</summary>
    protected async Task<(Guid Id, string Secret)> Subscribe(string[]? types = null, string[]? regions = null, string? url = null)
    {
        var response = await Integrator.PostAsJsonAsync("/api/webhooks/subscriptions",
            new { url = url ?? Receiver.Url, eventTypes = types ?? ["*"], regions, description = "test receiver" }, Ct);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var body = await Json(response);
        return (body["id"]!.GetValue<Guid>(), body["secret"]!.GetValue<string>());
    }

    /// <summary>Publishes enrolment events as a module would (outside its own flow, so no other module reacts).</summary>
    protected async Task Publish(params EnrolmentIntegrationEvent[] events)
    {
        var bus = App.Host.MessageBus();
        foreach (var e in events) await bus.PublishAsync(e);
    }

    protected T Event<T>(Guid subject, string region = "london") where T : EnrolmentIntegrationEvent, new() => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = App.Clock.GetUtcNow(), EnrolmentId = subject, SettingUrn = "100000",
        CohortId = Guid.Empty, Region = region, AcademicYear = "2023-24",
    };

    protected async Task<JsonArray> Deliveries(Guid subscription, string query = "")
    {
        var response = await Integrator.GetAsync($"/api/webhooks/subscriptions/{subscription}/deliveries?limit=200{query}", Ct);
        response.EnsureSuccessStatusCode();
        return (await Json(response))["items"]!.AsArray();
    }

    /// <summary>
    /// Waits for an outcome, moving the host's clock on by <paramref name="tick"/> each round so scheduled
    /// retries fall due; fails after <paramref name="rounds"/> rounds.
    /// </summary>
    protected async Task Eventually(Func<Task<bool>> outcome, string what, TimeSpan? tick = null, int rounds = 400)
    {
        for (var round = 0; round < rounds; round++)
        {
            if (await outcome()) return;
            if (tick is { } t) App.Clock.Advance(t);
            await Task.Delay(50, Ct); // polling the outcome, not sleeping in place of a wait
        }
        (await outcome()).ShouldBeTrue($"timed out waiting until {what}");
    }

    protected Task Eventually(Func<bool> outcome, string what, TimeSpan? tick = null, int rounds = 400) =>
        Eventually(() => Task.FromResult(outcome()), what, tick, rounds);
}
