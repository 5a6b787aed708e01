using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dsl.BuildingBlocks.Telemetry;
using Dsl.Host.Integrators.Webhooks;

namespace Dsl.Host.Integrators.Deliveries;

/// <summary>A span per delivery attempt, continuing the trace that published the event, and the delivery metrics.</summary>
public static class WebhookTelemetry
{
    private static readonly Counter<long> Attempts = DslTelemetry.Meter.CreateCounter<long>(
        "dsl.webhook.deliveries", "{attempt}", "Webhook delivery attempts by outcome");
    private static readonly Histogram<double> Duration = DslTelemetry.Meter.CreateHistogram<double>(
        "dsl.webhook.delivery.duration", "ms", "Time from sending a webhook to its answer, by outcome");

    public static Activity? StartAttempt(DueDelivery delivery, WebhookSubscription subscription)
    {
        ActivityContext.TryParse(delivery.TraceParent, null, out var parent);
        var activity = DslTelemetry.Source.StartActivity("webhook delivery", ActivityKind.Producer, parent);
        activity?.SetTag("dsl.module", "integrators");
        activity?.SetTag("dsl.subscription_id", subscription.Id);
        activity?.SetTag("dsl.delivery_id", delivery.Id);
        activity?.SetTag("dsl.attempt", delivery.AttemptCount + 1);
        activity?.SetTag("cloudevents.event_id", delivery.EventId);
        activity?.SetTag("cloudevents.event_type", delivery.EventType);
        activity?.SetTag("cloudevents.event_subject", delivery.Subject);
        if (Catalogue.IntegrationEventCatalogue.Instance.Find(delivery.EventType)?.SubjectTag is { } subjectTag)
            activity?.SetTag(subjectTag, delivery.Subject);
        return activity;
    }

    public static void Record(Activity? activity, AttemptResult result)
    {
        var outcome = result switch
        {
            { Status: DeliveryStatus.Delivered } => "delivered",
            { Status: DeliveryStatus.DeadLettered } => "dead_lettered",
            { Attempt: null } => "circuit_open",
            _ => "retrying",
        };
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        Attempts.Add(1, tag);
        if (result.Attempt is { } attempt) Duration.Record(attempt.DurationMs, tag);
        activity?.SetTag("dsl.outcome", outcome);
        if (result.Attempt?.StatusCode is { } status) activity?.SetTag("http.response.status_code", status);
        if (result.Status != DeliveryStatus.Delivered) activity?.SetStatus(ActivityStatusCode.Error, result.Error);
    }
}
