using Dsl.Curriculum.Cohorts;

namespace Dsl.Curriculum.Workshops;

/// <param name="StartsAt">ISO-8601 with offset, e.g. 2027-03-29T09:30:00+01:00 (stored in UTC).</param>
/// <param name="Venue">Required for faceToFace.</param>
/// <param name="JoinUrl">Required for virtual.</param>
/// <param name="ElementCodes">The element codes the workshop covers (at least one).</param>
/// <param name="FacilitatorId">Who runs it (token subject); the cohort's facilitator when omitted.</param>
public sealed record ScheduleWorkshop(string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, WorkshopDelivery? Delivery,
    string? Venue, string? JoinUrl, List<string>? ElementCodes, string? FacilitatorId)
{
    public sealed class Validator : AbstractValidator<ScheduleWorkshop>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
            RuleFor(x => x.StartsAt).NotNull();
            RuleFor(x => x.EndsAt).NotNull();
            RuleFor(x => x.Delivery).NotNull();
            RuleFor(x => x.Venue).MaximumLength(500);
            RuleFor(x => x.JoinUrl).MaximumLength(2000);
            RuleFor(x => x.ElementCodes).NotEmpty().WorkshopElements();
            RuleFor(x => x.FacilitatorId).MaximumLength(200);
        }
    }
}

public static class ScheduleWorkshopEndpoint
{
    /// <summary>Schedules a workshop for a cohort (admin or the cohort's facilitator); honours Idempotency-Key.</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/curriculum/cohorts/{cohortId}/workshops", OperationId = "ScheduleWorkshop")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Schedule a workshop")]
    [ProducesResponseType<WorkshopView>(StatusCodes.Status201Created)]
    public static async Task<(IResult, OutgoingMessages)> Post(ScheduleWorkshop command, Guid cohortId, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var cohort = await session.LoadAsync<CurriculumCohort>(cohortId, ct);
        if (!CohortAccess.CanRun(user, cohort)) return (Results.Problem(Problems.NotFound(CohortAccess.NotFound(cohortId))), messages);
        if (WorkshopRules.Delivery(command.Delivery!.Value, command.Venue, command.JoinUrl, command.StartsAt!.Value, command.EndsAt!.Value)
            is { } invalid) return (Results.Problem(invalid), messages);

        var now = clock.GetUtcNow();
        var workshop = new Workshop
        {
            Id = Guid.CreateVersion7(now), CohortId = cohortId, Title = command.Title!.Trim(),
            StartsAt = command.StartsAt.Value.ToUniversalTime(), EndsAt = command.EndsAt.Value.ToUniversalTime(),
            Delivery = command.Delivery.Value,
            Venue = command.Delivery == WorkshopDelivery.FaceToFace ? command.Venue!.Trim() : null,
            JoinUrl = command.Delivery == WorkshopDelivery.Virtual ? command.JoinUrl : null,
            ElementCodes = command.ElementCodes!.Distinct().ToList(),
            FacilitatorId = command.FacilitatorId ?? cohort!.FacilitatorId, Status = WorkshopStatus.Scheduled,
            CreatedAt = now, ChangedAt = now, Version = 1,
        };
        session.Insert(workshop);
        response.SetETag(workshop.Version);
        messages.Add(WorkshopFacts.Scheduled(workshop, cohort!, now));
        return (TypedResults.Created($"/api/curriculum/workshops/{workshop.Id}", WorkshopView.From(workshop)), messages);
    }
}
