using Dsl.Curriculum.Contracts;

namespace Dsl.Curriculum.Workshops;

/// <param name="Reason">Why it is cancelled (shown on the schedule; not in events).</param>
public sealed record CancelWorkshop(string? Reason)
{
    public sealed class Validator : AbstractValidator<CancelWorkshop>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
    }
}

public static class CancelWorkshopEndpoint
{
    /// <summary>Cancels a workshop with a reason (admin or the cohort's facilitator; requires If-Match); it stays listed as cancelled.</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/curriculum/workshops/{id}/cancellation", OperationId = "CancelWorkshop")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Cancel a workshop")]
    [ProducesResponseType<WorkshopView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Post(CancelWorkshop command, Guid id, ClaimsPrincipal user,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, TimeProvider clock, HttpResponse response,
        CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var (workshop, cohort, refused) = await WorkshopChange.LoadAsync(id, user, ifMatch, session, ct);
        if (refused is not null) return (Results.Problem(refused), messages);
        if (workshop.Status == WorkshopStatus.Cancelled) return (Results.Problem(Problems.Conflict("The workshop is already cancelled.")), messages);

        var now = clock.GetUtcNow();
        workshop.Status = WorkshopStatus.Cancelled;
        workshop.CancellationReason = command.Reason!.Trim();
        workshop.CancelledAt = now;
        workshop.Sequence++;
        workshop.ChangedAt = now;
        session.UpdateToNextRevision(workshop, response);
        messages.Add(new WorkshopCancelled().Describe(workshop, cohort, now));
        return (TypedResults.Ok(WorkshopView.From(workshop)), messages);
    }
}
