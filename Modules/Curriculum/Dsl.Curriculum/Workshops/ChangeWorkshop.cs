
namespace Dsl.Curriculum.Workshops;

/// <summary>The fields to change; omitted fields keep their value.</summary>
public sealed record ChangeWorkshop(string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, WorkshopDelivery? Delivery,
    string? Venue, string? JoinUrl, List<string>? ElementCodes, string? FacilitatorId)
{
    public sealed class Validator : AbstractValidator<ChangeWorkshop>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().MaximumLength(200).When(x => x.Title is not null);
            RuleFor(x => x.Venue).MaximumLength(500);
            RuleFor(x => x.JoinUrl).MaximumLength(2000);
            RuleFor(x => x.ElementCodes).NotEmpty().When(x => x.ElementCodes is not null).WorkshopElements();
            RuleFor(x => x.FacilitatorId).MaximumLength(200);
        }
    }
}

public static class ChangeWorkshopEndpoint
{
    /// <summary>Changes a workshop (admin or the cohort's facilitator; requires If-Match); its Sequence grows.</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePatch("/api/curriculum/workshops/{id}", OperationId = "ChangeWorkshop")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Change a workshop")]
    [ProducesResponseType<WorkshopView>(StatusCodes.Status200OK)]
    public static async Task<(IResult, OutgoingMessages)> Patch(ChangeWorkshop command, Guid id, ClaimsPrincipal user,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, TimeProvider clock, HttpResponse response,
        CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var (workshop, cohort, refused) = await WorkshopChange.LoadAsync(id, user, ifMatch, session, ct);
        if (refused is not null) return (Results.Problem(refused), messages);
        if (workshop.Status == WorkshopStatus.Cancelled) return (Results.Problem(Problems.Conflict("The workshop is cancelled.")), messages);

        var delivery = command.Delivery ?? workshop.Delivery;
        var venue = command.Venue ?? workshop.Venue;
        var joinUrl = command.JoinUrl ?? workshop.JoinUrl;
        var startsAt = (command.StartsAt ?? workshop.StartsAt).ToUniversalTime();
        var endsAt = (command.EndsAt ?? workshop.EndsAt).ToUniversalTime();
        if (WorkshopRules.Delivery(delivery, venue, joinUrl, startsAt, endsAt) is { } invalid) return (Results.Problem(invalid), messages);

        var now = clock.GetUtcNow();
        workshop.Title = command.Title?.Trim() ?? workshop.Title;
        workshop.StartsAt = startsAt;
        workshop.EndsAt = endsAt;
        workshop.Delivery = delivery;
        workshop.Venue = delivery == WorkshopDelivery.FaceToFace ? venue : null;
        workshop.JoinUrl = delivery == WorkshopDelivery.Virtual ? joinUrl : null;
        workshop.ElementCodes = command.ElementCodes?.Distinct().ToList() ?? workshop.ElementCodes;
        workshop.FacilitatorId = command.FacilitatorId ?? workshop.FacilitatorId;
        workshop.Sequence++;
        workshop.ChangedAt = now;
        session.UpdateToNextRevision(workshop, response);
        messages.Add(WorkshopFacts.Scheduled(workshop, cohort, now));
        return (TypedResults.Ok(WorkshopView.From(workshop)), messages);
    }
}
