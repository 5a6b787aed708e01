using System.Collections.Concurrent;
using System.Threading.Channels;
using Dsl.Host.Integrators.Events;
using Dsl.Host.Integrators.Webhooks;
using Npgsql;

namespace Dsl.Host.Integrators.Deliveries;

/// <summary>
/// Sends due webhook deliveries. One node delivers at a time: the worker holding a session advisory lock on its
/// own connection, which also LISTENs for the NOTIFY that recording, redelivery and resumption send at commit.
/// Another node takes over when that connection goes. Each delivery's outcome is written back before the next
/// for the same subject and subscription is picked, which keeps one enrolment's events in order.
/// </summary>
public sealed class DeliveryWorker(NpgsqlDataSource database, WebhookDeliveries deliveries, WebhookSender sender,
    IDocumentStore store, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private const long LeaderLock = 0x44534C_0002;
    private readonly WebhookOptions _options = options.Value;
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();
    private volatile bool _delivering;

    /// <summary>Whether this node holds the delivery lock now (readiness reports it: one node of a cluster at a time).</summary>
    public bool IsDelivering => _delivering;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Polling belongs to no trace, whatever was current when the host started; each attempt starts its own span.
        System.Diagnostics.Activity.Current = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await LeadAsync(stoppingToken)) await Task.Delay(_options.PollInterval * 5, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                logger.LogError(e, "Webhook delivery worker failed; starting again");
                await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        await Task.WhenAll(_inFlight.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Delivers for as long as this node holds the lock; false at once if another node holds it.</summary>
    private async Task<bool> LeadAsync(CancellationToken stoppingToken)
    {
        var leader = await database.OpenConnectionAsync(stoppingToken);
        try
        {
            await using (var command = new NpgsqlCommand($"select pg_try_advisory_lock({LeaderLock})", leader))
                if (!(bool)(await command.ExecuteScalarAsync(stoppingToken))!) return false;
            await using (var listen = new NpgsqlCommand($"listen {IntegrationEventLog.WakeChannel}", leader))
                await listen.ExecuteNonQueryAsync(stoppingToken);
            leader.Notification += (_, _) => _wake.Writer.TryWrite(true);
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var listening = ListenAsync(leader, lost);
            try
            {
                _delivering = true;
                logger.LogInformation("This node now delivers webhooks");
                await DeliverWhileLeaderAsync(lost.Token);
            }
            finally
            {
                _delivering = false;
                // However delivering ended (a stop cancels it mid-query), the wait on the connection ends before the
                // connection is released; otherwise it outlives the host and breaks when the database stops.
                await lost.CancelAsync();
                await listening;
            }
            return true;
        }
        finally
        {
            await ReleaseAsync(leader);
        }
    }

    // Pooled connections are not reset on return, so the session lock and LISTEN are ended by hand; a connection
    // broken by a cancelled wait is simply dropped, which ends both too.
    private async Task ReleaseAsync(NpgsqlConnection leader)
    {
        try
        {
            await using (var release = new NpgsqlCommand("select pg_advisory_unlock_all(); unlisten *", leader))
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            await leader.DisposeAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            logger.LogDebug(e, "Dropping the webhook delivery lock's connection");
            await leader.DisposeAsync().AsTask().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // Waiting on the leader connection delivers NOTIFYs; if it breaks, leadership is gone and the loop starts over.
    private async Task ListenAsync(NpgsqlConnection leader, CancellationTokenSource lost)
    {
        try
        {
            // Short waits rather than a cancelled one: cancelling a wait leaves the connection unusable.
            while (!lost.IsCancellationRequested) await leader.WaitAsync(1000);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
        {
            logger.LogWarning(e, "Lost the webhook delivery lock's connection");
        }
        finally
        {
            await lost.CancelAsync();
        }
    }

    private async Task DeliverWhileLeaderAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var free = _options.MaxConcurrentDeliveries - _inFlight.Count;
            if (free > 0)
            {
                var subscriptions = await LiveSubscriptionsAsync(ct);
                if (subscriptions.Count > 0)
                {
                    var due = await deliveries.DueAsync(clock.GetUtcNow(), subscriptions.Keys.ToArray(), _inFlight.Keys.ToArray(), free, ct);
                    foreach (var delivery in due)
                    {
                        // Registered before it starts, so a delivery that finishes at once cannot leave a stale entry.
                        var attempt = new Task<Task>(() => DeliverAsync(delivery, subscriptions[delivery.SubscriptionId], ct));
                        _inFlight[delivery.Id] = attempt.Unwrap();
                        attempt.Start(TaskScheduler.Default);
                    }
                    if (due.Count == free) continue;
                }
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.PollInterval);
            try { await _wake.Reader.ReadAsync(timeout.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
    }

    private async Task DeliverAsync(DueDelivery delivery, WebhookSubscription subscription, CancellationToken ct)
    {
        using var activity = WebhookTelemetry.StartAttempt(delivery, subscription);
        try
        {
            var result = await sender.SendAsync(delivery, subscription, ct);
            WebhookTelemetry.Record(activity, result);
            await deliveries.CompleteAsync(delivery.Id, result, CancellationToken.None);
            if (result.Attempt?.StatusCode == 410) await DisableAsync(subscription.Id, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down mid-attempt: the delivery stays pending and is sent again (same webhook-id) later.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Webhook delivery {DeliveryId} could not be completed", delivery.Id);
        }
        finally
        {
            _inFlight.TryRemove(delivery.Id, out _);
            _wake.Writer.TryWrite(true);
        }
    }

    private async Task<Dictionary<Guid, WebhookSubscription>> LiveSubscriptionsAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var live = await session.Query<WebhookSubscription>().Where(s => s.Status == SubscriptionStatus.Active).ToListAsync(ct);
        return live.ToDictionary(s => s.Id);
    }

    private async Task DisableAsync(Guid subscriptionId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var subscription = await session.LoadAsync<WebhookSubscription>(subscriptionId, ct);
        if (subscription is null || subscription.Status == SubscriptionStatus.Disabled) return;
        subscription.Status = SubscriptionStatus.Disabled;
        subscription.DisabledReason = "The receiver answered 410 Gone; set status to active to resume.";
        session.UpdateRevision(subscription, subscription.Version + 1);
        await session.SaveChangesAsync(ct);
        logger.LogWarning("Webhook subscription {SubscriptionId} disabled: its receiver answered 410 Gone", subscriptionId);
    }
}
