using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine.Attributes;

namespace Dsl.Enrolment.Cohorts;

/// <summary>
/// Marks a cohort whose <c>cohort-scheduled</c> event has been published, written in the transaction that publishes
/// it: a cohort without one existed before the event did and is announced by <see cref="AnnounceExistingCohorts"/>.
/// </summary>
public sealed class AnnouncedCohort
{
    /// <summary>The cohort id.</summary>
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed record CohortFacts(string AcademicYearId, string Region, DeliveryMode DeliveryMode, string Name,
    DateOnly StartsOn, int Capacity, string? FacilitatorId);

public static class CohortAnnouncements
{
    /// <summary>What cohort events publish, to tell whether a change changed any of it.</summary>
    public static CohortFacts Facts(Cohort c) =>
        new(c.AcademicYearId, c.Region, c.DeliveryMode, c.Name, c.StartsOn, c.Capacity, c.FacilitatorId);

    /// <summary>The public event for a cohort as it now stands.</summary>
    public static T Describe<T>(this T @event, Cohort cohort, DateTimeOffset at) where T : CohortIntegrationEvent =>
        (T)((CohortIntegrationEvent)@event with
        {
            EventId = Guid.CreateVersion7(at),
            OccurredAt = at,
            Region = cohort.Region,
            CohortId = cohort.Id,
            AcademicYear = cohort.AcademicYearId,
            DeliveryMode = Enrolments.IntegrationEvents.ContractValue<DeliveryMode>(cohort.DeliveryMode)!,
            Name = cohort.Name,
            StartsOn = cohort.StartsOn,
            Capacity = cohort.Capacity,
            FacilitatorId = cohort.FacilitatorId,
            Revision = cohort.Version,
        });
}

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
