using Dsl.Assessment.SkillsReviews;

namespace Dsl.Assessment.DevelopmentPlans;

/// <summary>The fields to change; omitted fields keep their value.</summary>
public sealed record ChangeDevelopmentItem(string? Action, string? SuccessMeasure, DateOnly? DueOn, DevelopmentItemStatus? Status)
{
    public sealed class Validator : AbstractValidator<ChangeDevelopmentItem>
    {
        public Validator()
        {
            RuleFor(x => x.Action).NotEmpty().MaximumLength(2000).When(x => x.Action is not null);
            RuleFor(x => x.SuccessMeasure).NotEmpty().MaximumLength(2000).When(x => x.SuccessMeasure is not null);
            RuleFor(x => x.Status).IsInEnum();
        }
    }
}

public static class ChangeDevelopmentItemEndpoint
{
    /// <summary>Changes a development plan item's action, success measure, due date or status (the lead or their coach; requires If-Match).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverinePatch("/api/assessment/skills-reviews/{id}/development-plan/items/{itemId}", OperationId = "ChangeDevelopmentItem")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Change a development plan item")]
    [ProducesResponseType<DevelopmentItem>(StatusCodes.Status200OK)]
    public static async Task<IResult> Patch(Guid id, Guid itemId, ChangeDevelopmentItem command, ClaimsPrincipal user,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, HttpResponse response, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { } found) return Results.Problem(SkillsReviewAccess.NotFound(id));
        var plan = await session.LoadAsync<DevelopmentPlan>(found.Review.EnrolmentId, ct);
        if (plan?.Items.FirstOrDefault(i => i.Id == itemId) is not { } item) return Results.Problem(DevelopmentPlans.ItemNotFound(itemId));
        if (ETags.CheckIfMatch(ifMatch, plan.Version) is { } stale) return Results.Problem(stale);
        item.Action = command.Action?.Trim() ?? item.Action;
        item.SuccessMeasure = command.SuccessMeasure?.Trim() ?? item.SuccessMeasure;
        item.DueOn = command.DueOn ?? item.DueOn;
        item.Status = command.Status ?? item.Status;
        session.UpdateToNextRevision(plan, response);
        return TypedResults.Ok(item);
    }
}
