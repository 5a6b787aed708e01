using Dsl.Enrolment.Cohorts;
using Dsl.Enrolment.Placement;

namespace Dsl.Enrolment.Enrolments;

/// <param name="CohortId">The cohort to move to.</param>
public sealed record TransferEnrolment(Guid? CohortId)
{
    public sealed class Validator : AbstractValidator<TransferEnrolment>
    {
        public Validator() => RuleFor(x => x.CohortId).NotNull().NotEqual(Guid.Empty);
    }
}

/// <summary>The ledgers of the years a transfer touches, locked in a fixed order so two transfers cannot deadlock.</summary>
public sealed record TransferLedgers(PlaceLedger From, PlaceLedger To, Cohort Target);

public static class TransferEnrolmentEndpoint
{

    public static async Task<ProblemDetails> ValidateAsync(TransferEnrolment command, Enrolment enrolment,
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var problem = EnrolmentAccess.Check(user, enrolment, "transfer this enrolment", EnrolmentStatus.AwaitingEndorsement,
            EnrolmentStatus.Confirmed, EnrolmentStatus.Waitlisted);
        if (!ReferenceEquals(problem, WolverineContinue.NoProblems)) return problem;
        if (command.CohortId == enrolment.CohortId) return Problems.Invalid("cohortId", "The enrolment is already in this cohort.");
        return await session.LoadAsync<Cohort>(command.CohortId!.Value, ct) is null
            ? Problems.Invalid("cohortId", $"There is no cohort {command.CohortId}.")
            : WolverineContinue.NoProblems;
    }

    public static async Task<TransferLedgers> LoadAsync(TransferEnrolment command, Enrolment enrolment,
        IDocumentSession session, CancellationToken ct)
    {
        var target = (await session.LoadAsync<Cohort>(command.CohortId!.Value, ct))!;
        var years = new[] { enrolment.AcademicYearId, target.AcademicYearId }.Distinct().Order().ToList();
        var ledgers = new Dictionary<string, PlaceLedger>();
        foreach (var year in years) ledgers[year] = await PlaceLedger.LockYearAsync(session, year, ct);
        return new TransferLedgers(ledgers[enrolment.AcademicYearId], ledgers[target.AcademicYearId], target);
    }

    /// <summary>
    /// Moves the enrolment to another cohort (the setting's head, or admin). A held place moves only if the
    /// target cohort and its year have room (else 409); the place left behind goes to the next in line.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrHead)]
    [WolverinePost("/api/enrolments/{id}/transfer", OperationId = "TransferEnrolment")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("Transfer an enrolment to another cohort")]
    [ProducesResponseType<EnrolmentView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, Events, OutgoingMessages)> Post(TransferEnrolment command,
        [WriteAggregate] Enrolment enrolment, TransferLedgers ledgers, IDocumentSession session, TimeProvider clock,
        IOptions<EnrolmentOptions> options, HttpResponse response, CancellationToken ct)
    {
        var events = new Events();
        var messages = new OutgoingMessages();
        var target = ledgers.Target;
        if (enrolment.HoldsPlace)
        {
            // Leaving the cohort first makes a move within one year count its own place only once.
            ledgers.From.Release(enrolment.CohortId);
            if (!ledgers.To.HasRoom(target.Id))
                return (Results.Problem(Problems.Conflict($"Cohort {target.Name} has no place free for a transfer.")), events, messages);
            ledgers.To.Hold(target.Id);
        }

        var now = clock.GetUtcNow();
        events.Add(new Transferred(enrolment.CohortId, target.Id, target.AcademicYearId, now));
        // A waitlisted lead moving to a cohort with a free place, and nobody waiting there ahead of them, is placed.
        var placed = enrolment.Status == EnrolmentStatus.Waitlisted && ledgers.To.HasRoom(target.Id)
                     && await PlaceLedger.WaitingAheadAsync(session, target.Id, enrolment.QueuePriority, ct) == 0;
        if (placed)
        {
            ledgers.To.Hold(target.Id);
            events.Add(new PlaceAllocated(now));
        }
        var after = enrolment.After(events);
        messages.Add(new EnrolmentTransferred { FromCohortId = enrolment.CohortId, FromRegion = enrolment.Region }.About(after, now));
        if (placed)
        {
            messages.Add(LeadNaming.Confirmed(after, now, await LeadNaming.ForAsync(after, null, session, ct)));
        }
        PlaceOffers.Make(session, await ledgers.From.NextToOfferAsync(session, ct, enrolment.Id), now, options.Value.OfferExpiry, messages);

        response.SetETag(after.Version);
        return (TypedResults.Ok(EnrolmentView.From(after, await session.LoadAsync<Lead>(enrolment.LeadId, ct))), events, messages);
    }
}
