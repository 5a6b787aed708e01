using Dsl.BuildingBlocks.Messaging;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Dsl.Tests.Infrastructure;

public static class DailyRunChains
{
    /// <summary>
    /// The run a daily job's chain waits for, as it would arrive when due. The chain the host began at its start is
    /// gone when an earlier test's reset emptied the store; then <paramref name="start"/> (a start's run) begins one.
    /// </summary>
    public static async Task<(DateTimeOffset ScheduledFor, Guid Chain)> NextRun<TStore>(this DslApp app, string job, IDailyRun start)
        where TStore : IDocumentStore
    {
        async Task<DailyRunSchedule?> Load()
        {
            await using var session = app.Host.Services.GetRequiredService<TStore>().QuerySession();
            return await session.LoadAsync<DailyRunSchedule>(job);
        }

        var schedule = await Load();
        if (schedule is null)
        {
            await app.Host.InvokeMessageAndWaitAsync(start);
            schedule = (await Load()).ShouldNotBeNull($"a start's run begins the {job} chain");
        }
        return (schedule.NextRunAt, schedule.Chain);
    }
}
