using Dsl.BuildingBlocks.Messaging;
using Dsl.Host.Integrators.Broker;
using Dsl.Host.Integrators.Catalogue;
using Dsl.Host.Integrators.Deliveries;
using Dsl.Host.Integrators.Events;
using Dsl.Host.Integrators.Webhooks;

namespace Dsl.Host.Integrators;

/// <summary>Registers what integrators use: the event log and feed, webhooks and their delivery worker, the optional broker.</summary>
public static class IntegratorsSetup
{
    /// <summary>The one sequential local queue every integration event is recorded from.</summary>
    public const string RecorderQueue = "integration-events";

    public static void AddIntegrators(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatorsFromAssemblyContaining<WebhookOptions>(ServiceLifetime.Singleton);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<IntegrationBroker>();
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookDeliveries>();
        services.AddSingleton<WebhookSender>();
        // One instance, so readiness can say whether this node is the one delivering.
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        services.AddHttpClient(WebhookSender.HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times each attempt
                client.DefaultRequestHeaders.UserAgent.ParseAdd("DSL-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = sp.GetRequiredService<WebhookTargets>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
    }

    /// <summary>
    /// Every integration event, converted to a <see cref="RecordIntegrationEvent"/> as it is sent, goes to one sequential
    /// durable queue, where they are recorded in batches in the order they were sent (ADR 0036); and the broker route.
    /// </summary>
    public static void AddIntegrators(this WolverineOptions opts, IConfiguration configuration)
    {
        // Every public event, whatever its type, also goes to the recorder as a RecordIntegrationEvent, so events of
        // every type share one batch in the order they were sent.
        opts.TakeInBatches<RecordIntegrationEvent>(RecorderQueue)
            .FromEvery(IntegrationEventCatalogue.Instance.Lists, e => RecordIntegrationEvent.For((IIntegrationEvent)e),
                "Recorded in the integration event log as " + nameof(RecordIntegrationEvent));
        new IntegrationBroker(configuration).Configure(opts);
    }

    public static void AddIntegratorStorage(StoreOptions store)
    {
        store.Schema.For<WebhookSubscription>().UseNumericRevisions(true);
        IntegrationEventLog.AddTables(store);
    }
}
