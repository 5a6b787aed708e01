using Dsl.Enrolment.Placement;
using Wolverine.Persistence;

namespace Dsl.Enrolment.Cohorts;

/// <summary>The fields to change; omitted fields keep their value.</summary>
public sealed record ChangeCohort(string? Name, DeliveryMode? DeliveryMode, DateOnly? StartsOn, int? Capacity,
    string? FacilitatorId, string? Region)
{
    public sealed class Validator : AbstractValidator<ChangeCohort>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200).When(x => x.Name is not null);
            RuleFor(x => x.Capacity).CohortCapacity().When(x => x.Capacity is not null);
            RuleFor(x => x.Region).CohortRegion().When(x => x.Region is not null);
            RuleFor(x => x.FacilitatorId).MaximumLength(200);
        }
    }
}

public static class ChangeCohortEndpoint
{
    public static Task<PlaceLedger> LoadAsync(Cohort cohort, IDocumentSession session, CancellationToken ct) =>
        PlaceLedger.LockYearAsync(session, cohort.AcademicYearId, ct);

    /// <summary>
    /// Changes a cohort (admin; requires If-Match). Capacity cannot drop below the places taken; raising it
    /// offers the new places to the waitlist.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePatch("/api/cohorts/{id}", OperationId = "ChangeCohort")]
    [Tags(ApiTags.Cohorts)]
    [EndpointSummary("Change a cohort")]
    [ProducesResponseType<CohortView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Patch(ChangeCohort command, [Entity("id")] Cohort cohort,
        PlaceLedger ledger, [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session,
        TimeProvider clock, IOptions<EnrolmentOptions> options, HttpResponse response, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (ETags.CheckIfMatch(ifMatch, cohort.Version) is { } stale) return (Results.Problem(stale), messages);
        var taken = ledger.HeldIn(cohort.Id);
        if (command.Capacity < taken)
            return (Results.Problem(Problems.Conflict($"Capacity cannot be lower than the {taken} places already taken.")), messages);

        var before = CohortAnnouncements.Facts(cohort);
        cohort.Name = command.Name?.Trim() ?? cohort.Name;
        cohort.DeliveryMode = command.DeliveryMode ?? cohort.DeliveryMode;
        cohort.StartsOn = command.StartsOn ?? cohort.StartsOn;
        cohort.Region = command.Region ?? cohort.Region;
        cohort.FacilitatorId = command.FacilitatorId ?? cohort.FacilitatorId;
        var raised = command.Capacity > cohort.Capacity;
        cohort.Capacity = command.Capacity ?? cohort.Capacity;
        session.UpdateToNextRevision(cohort, response);
        // Other modules keep their own copy of the cohort: tell them when anything they hold changed.
        if (CohortAnnouncements.Facts(cohort) != before) messages.Add(new CohortChanged().Describe(cohort, clock.GetUtcNow()));

        if (raised)
        {
            ledger.Use(cohort);
            PlaceOffers.Make(session, await ledger.NextToOfferAsync(session, ct), clock.GetUtcNow(), options.Value.OfferExpiry, messages);
        }
        return (TypedResults.Ok(await CohortOccupancyQuery.ViewAsync(session, cohort, ct)), messages);
    }
}
