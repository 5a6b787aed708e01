using Dsl.Assessment.SkillsReviews;

namespace Dsl.Assessment.DevelopmentPlans;

public sealed record AddDevelopmentNote(string Text)
{
    public sealed class Validator : AbstractValidator<AddDevelopmentNote>
    {
        public Validator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(2000);
    }
}

public static class AddDevelopmentNoteEndpoint
{
    /// <summary>Adds a dated note to a development plan item (the lead or their coach), marked with who wrote it.</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverinePost("/api/assessment/skills-reviews/{id}/development-plan/items/{itemId}/notes", OperationId = "AddDevelopmentNote")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Add a note to a development plan item")]
    [ProducesResponseType<DatedNote>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(Guid id, Guid itemId, AddDevelopmentNote command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { } found) return Results.Problem(SkillsReviewAccess.NotFound(id));
        var plan = await session.LoadAsync<DevelopmentPlan>(found.Review.EnrolmentId, ct);
        if (plan?.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return Results.Problem(DevelopmentPlans.ItemNotFound(itemId));
        var note = new DatedNote(clock.GetUtcNow(), DevelopmentPlans.Author(found.Relation), command.Text.Trim());
        item.Notes.Add(note);
        session.UpdateToNextRevision(plan, response);
        return TypedResults.Created($"/api/assessment/skills-reviews/{id}/development-plan/items/{itemId}", note);
    }
}
