using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Cohorts;

/// <summary>Sent by the module on every start: publishes cohort-scheduled for each cohort not yet announced.</summary>
[MessageIdentity("dsl.enrolment.announce-existing-cohorts.v1")]
public sealed record AnnounceExistingCohorts;

public static class AnnounceExistingCohortsHandler
{
    /// <summary>
    /// Cohorts created before cohort events existed are published once, through the outbox, with their markers in the
    /// same transaction: a restart publishes nothing twice, and a racing second run's marker inserts fail and roll its
    /// messages back with them (it is then retried, and finds nothing left to announce). Cohorts created since are
    /// announced by <see cref="CreateCohortEndpoint"/>.
    /// </summary>
    [RetryNow(typeof(JasperFx.DocumentAlreadyExistsException), 50, 250, 1000)]
    public static async Task<OutgoingMessages> Handle(AnnounceExistingCohorts _, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var announced = (await session.Query<AnnouncedCohort>().Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var cohorts = await session.Query<Cohort>().OrderBy(c => c.Id).ToListAsync(ct);
        var messages = new OutgoingMessages();
        foreach (var cohort in cohorts.Where(c => !announced.Contains(c.Id)))
        {
            var now = clock.GetUtcNow();
            session.Insert(new AnnouncedCohort { Id = cohort.Id, At = now });
            messages.Add(new CohortScheduled().Describe(cohort, now));
        }
        return messages;
    }
}

/// <summary>Asks for the announcement once the host (and Wolverine with it) has started.</summary>
public sealed class AnnounceExistingCohortsOnStart(IHostApplicationLifetime lifetime, IServiceScopeFactory scopes,
    ILogger<AnnounceExistingCohortsOnStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync());
        return Task.CompletedTask;
    }

    private async Task AnnounceAsync()
    {
        // Durable local queue: once sent it survives a crash and is retried like any other message.
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new AnnounceExistingCohorts());
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not ask for the existing cohorts to be announced; they will be on the next start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
