using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Dsl.BuildingBlocks.Messaging;

/// <summary>
/// A module's job that runs once a day (ADR 0041): a durable scheduled message whose handler schedules the next run.
/// Sent unscheduled (<see cref="ScheduledFor"/> null) on every start, which runs the job at once and begins a new chain.
/// </summary>
public interface IDailyRun
{
    /// <summary>The time this run was scheduled for; null for the run that begins a chain.</summary>
    DateTimeOffset? ScheduledFor { get; }
}

/// <summary>
/// When a daily job runs next, one document per job in its module's store: a run scheduled for another time belongs
/// to a chain a restart replaced, and does nothing.
/// </summary>
public sealed class DailyRunSchedule
{
    public string Id { get; set; } = "";
    public DateTimeOffset NextRunAt { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
}

public static class DailyRuns
{
    /// <summary>The run after <paramref name="now"/>: 02:00 UTC the next day, the quiet hours of the programme's day.</summary>
    public static DateTimeOffset NextRunAfter(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(2);

    /// <summary>The job's schedule when <paramref name="run"/> is its chain's current run; null when it belongs to a replaced chain.</summary>
    public static async Task<DailyRunSchedule?> CurrentAsync(IDocumentSession session, string job, IDailyRun run, CancellationToken ct)
    {
        var schedule = await session.LoadAsync<DailyRunSchedule>(job, ct) ?? new DailyRunSchedule { Id = job };
        return run.ScheduledFor is { } scheduled && scheduled != schedule.NextRunAt ? null : schedule;
    }

    /// <summary>Records this run (in the run's own transaction) and schedules the next one, made by <paramref name="next"/>.</summary>
    public static void ScheduleNext<TRun>(this DailyRunSchedule schedule, IDocumentSession session, DateTimeOffset now,
        OutgoingMessages messages, Func<DateTimeOffset, TRun> next) where TRun : IDailyRun
    {
        schedule.LastRunAt = now;
        schedule.NextRunAt = NextRunAfter(now);
        session.Store(schedule);
        messages.Schedule(next(schedule.NextRunAt)!, schedule.NextRunAt);
    }

    /// <summary>Begins the job's chain with <paramref name="first"/> every time the host has started.</summary>
    public static IServiceCollection AddDailyRun<TRun>(this IServiceCollection services, TRun first) where TRun : IDailyRun =>
        services.AddSingleton<IHostedService>(provider => new DailyRunStarter(first, provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DailyRuns))));

    /// <summary>Publishes the first run once the host (and Wolverine with it) has started, so a start is never held up by it.</summary>
    private sealed class DailyRunStarter(object first, IHostApplicationLifetime lifetime, IServiceScopeFactory scopes, ILogger logger)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() => _ = StartChainAsync());
            return Task.CompletedTask;
        }

        private async Task StartChainAsync()
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(first);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not begin the daily {Job} run; it begins again on the next start", first.GetType().Name);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
