using Marten;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Dsl.BuildingBlocks.Messaging;

/// <summary>
/// A module's job that runs once a day (ADR 0041): a durable scheduled message whose handler schedules the next run of
/// its chain. Every start sends one unscheduled (<see cref="ScheduledFor"/> and <see cref="Chain"/> null), which does the
/// job and begins a new chain only when no chain is waiting for its next run (none yet, or its run missed).
/// </summary>
public interface IDailyRun
{
    /// <summary>The time this run was scheduled for; null for a start's run.</summary>
    DateTimeOffset? ScheduledFor { get; }

    /// <summary>The chain this run belongs to; null for a start's run.</summary>
    Guid? Chain { get; }
}

/// <summary>
/// A daily job's chain and when it runs next, one document per job in its module's store: a run of another chain, or
/// for another time, does nothing.
/// </summary>
public sealed class DailyRunSchedule
{
    public string Id { get; set; } = "";
    public Guid Chain { get; set; }
    public DateTimeOffset NextRunAt { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
}

public static class DailyRuns
{
    /// <summary>The run after <paramref name="now"/>: 02:00 UTC the next day, the quiet hours of the programme's day.</summary>
    public static DateTimeOffset NextRunAfter(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(2);

    /// <summary>
    /// The job's schedule when <paramref name="run"/> is to do the job; null when it is not: a run of a replaced chain
    /// or for another time, or a start's run while a chain is waiting for its next run. Runs of one job take turns
    /// (a lock held until the run commits), so two nodes' starts, or a start and a late scheduled run, do it once.
    /// </summary>
    public static async Task<DailyRunSchedule?> CurrentAsync(IDocumentSession session, string job, IDailyRun run, DateTimeOffset now,
        CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await using (var turn = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended($1, 0))", (NpgsqlConnection)session.Connection!)
                     { Parameters = { new() { Value = $"dsl.daily-run:{job}" } } })
            await turn.ExecuteNonQueryAsync(ct);

        var schedule = await session.LoadAsync<DailyRunSchedule>(job, ct);
        if (run.ScheduledFor is null)
        {
            if (schedule is { } waiting && waiting.NextRunAt > now) return null;
            schedule ??= new DailyRunSchedule { Id = job };
            schedule.Chain = Guid.CreateVersion7(now);
            return schedule;
        }
        return schedule is { } current && current.Chain == run.Chain && current.NextRunAt == run.ScheduledFor ? current : null;
    }

    /// <summary>Records this run (in the run's own transaction) and schedules the chain's next one, made by <paramref name="next"/>.</summary>
    public static void ScheduleNext<TRun>(this DailyRunSchedule schedule, IDocumentSession session, IDailyRun run, DateTimeOffset now,
        OutgoingMessages messages, Func<DateTimeOffset, Guid, TRun> next) where TRun : IDailyRun
    {
        schedule.LastRunAt = now;
        // From the time it was due, so a run arriving a little early does not schedule a second one for that time.
        schedule.NextRunAt = NextRunAfter(run.ScheduledFor is { } due && due > now ? due : now);
        session.Store(schedule);
        messages.Schedule(next(schedule.NextRunAt, schedule.Chain)!, schedule.NextRunAt);
    }

    /// <summary>How often every node sends a start's run again: a chain whose run was missed (dead-lettered, say) begins again within this.</summary>
    public static readonly TimeSpan LookAgainEvery = TimeSpan.FromHours(1);

    /// <summary>
    /// Sends <paramref name="start"/> (a start's run) once the host has started, and again every
    /// <see cref="LookAgainEvery"/>: a no-op while the job's chain waits for its next run, the chain begun again when not.
    /// </summary>
    public static IServiceCollection AddDailyRun<TRun>(this IServiceCollection services, TRun start) where TRun : IDailyRun =>
        services.AddSingleton<IHostedService>(provider => new DailyRunStarter(start, provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DailyRuns))));

    /// <summary>Sends the start's run after the host (and Wolverine with it) has started, so a start is never held up by it.</summary>
    private sealed class DailyRunStarter(object start, IHostApplicationLifetime lifetime, IServiceScopeFactory scopes, ILogger logger)
        : IHostedService, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        private Task _looking = Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() => _looking = LookAsync(_stopping.Token));
            return Task.CompletedTask;
        }

        private async Task LookAsync(CancellationToken stopping)
        {
            using var timer = new PeriodicTimer(LookAgainEvery);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(start);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Could not send the daily {Job} start; it is sent again within {Interval}", start.GetType().Name, LookAgainEvery);
                }
            } while (await WaitAsync(timer, stopping));
        }

        private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stopping)
        {
            try
            {
                return await timer.WaitForNextTickAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        // A host may be stopped more than once (stopped, then disposed): the second stop finds nothing left to do.
        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (!_stopping.IsCancellationRequested) await _stopping.CancelAsync();
            try
            {
                await _looking.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Told to stop waiting: the loop ends on its own at its next tick.
            }
        }

        public void Dispose() => _stopping.Dispose();
    }
}
