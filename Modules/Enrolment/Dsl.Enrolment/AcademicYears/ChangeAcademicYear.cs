using Dsl.Enrolment.Placement;
using Wolverine.Persistence;

namespace Dsl.Enrolment.AcademicYears;

/// <param name="PlaceCap">The new number of funded places for the year.</param>
public sealed record ChangeAcademicYear(int? PlaceCap)
{
    public sealed class Validator : AbstractValidator<ChangeAcademicYear>
    {
        public Validator()
        {
            RuleFor(x => x.PlaceCap).NotNull().InclusiveBetween(1, 100_000);
        }
    }
}

public static class ChangeAcademicYearEndpoint
{
    public static Task<PlaceLedger> LoadAsync([Entity("id")] AcademicYear year, IDocumentSession session, CancellationToken ct) =>
        PlaceLedger.LockYearAsync(session, year.Id, ct);

    /// <summary>
    /// Changes a year's place cap (admin; requires If-Match). It cannot drop below the places held;
    /// raising it offers the new places to the waitlist.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePatch("/api/academic-years/{id}", OperationId = "ChangeAcademicYear")]
    [Tags(ApiTags.ReferenceData)]
    [EndpointSummary("Change an academic year's place cap")]
    [ProducesResponseType<AcademicYear>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Patch(ChangeAcademicYear command, [Entity("id")] AcademicYear year,
        PlaceLedger ledger, [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, TimeProvider clock,
        IOptions<EnrolmentOptions> options, HttpResponse response, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (ETags.CheckIfMatch(ifMatch, year.Version) is { } stale) return (Results.Problem(stale), messages);
        if (command.PlaceCap < ledger.HeldInYear)
            return (Results.Problem(Problems.Conflict($"The cap cannot be lower than the {ledger.HeldInYear} places already held.")), messages);

        var raised = command.PlaceCap > year.PlaceCap;
        year.PlaceCap = command.PlaceCap!.Value;
        session.UpdateToNextRevision(year, response);
        if (raised)
        {
            ledger.Use(year);
            PlaceOffers.Make(session, await ledger.NextToOfferAsync(session, ct), clock.GetUtcNow(), options.Value.OfferExpiry, messages);
        }
        return (TypedResults.Ok(year), messages);
    }
}
