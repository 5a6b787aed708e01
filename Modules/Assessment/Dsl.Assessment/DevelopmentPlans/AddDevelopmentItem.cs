using Dsl.Assessment.SkillsFramework;
using Dsl.Assessment.SkillsReviews;

namespace Dsl.Assessment.DevelopmentPlans;

public sealed record AddDevelopmentItem(string CompetencyCode, string Action, string SuccessMeasure, DateOnly DueOn)
{
    public sealed class Validator : AbstractValidator<AddDevelopmentItem>
    {
        public Validator()
        {
            RuleFor(x => x.CompetencyCode).NotEmpty().MaximumLength(60);
            RuleFor(x => x.Action).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.SuccessMeasure).NotEmpty().MaximumLength(2000);
            RuleFor(x => x.DueOn).NotEmpty();
        }
    }
}

public static class AddDevelopmentItemEndpoint
{
    /// <summary>
    /// Adds an item to the lead's development plan, tied to a competency (the lead or their coach, or an admin acting
    /// for them); the plan is made with its first item. Send Idempotency-Key to retry safely.
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverinePost("/api/assessment/skills-reviews/{id}/development-plan/items", OperationId = "AddDevelopmentItem")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Add a development plan item")]
    [ProducesResponseType<DevelopmentItem>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(Guid id, AddDevelopmentItem command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { } found) return Results.Problem(SkillsReviewAccess.NotFound(id));
        if (await session.LoadAsync<Competency>(command.CompetencyCode, ct) is null)
            return Results.Problem(Problems.Invalid("competencyCode", $"There is no competency '{command.CompetencyCode}'."));
        var plan = await session.LoadAsync<DevelopmentPlan>(found.Review.EnrolmentId, ct);
        var item = new DevelopmentItem
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), CompetencyCode = command.CompetencyCode, Action = command.Action.Trim(),
            SuccessMeasure = command.SuccessMeasure.Trim(), DueOn = command.DueOn, Status = DevelopmentItemStatus.NotStarted,
        };
        if (plan is null)
        {
            plan = new DevelopmentPlan { Id = found.Review.EnrolmentId, Items = [item], Version = 1 };
            session.Insert(plan);
            response.SetETag(plan.Version);
        }
        else
        {
            plan.Items.Add(item);
            session.UpdateToNextRevision(plan, response);
        }
        return TypedResults.Created($"/api/assessment/skills-reviews/{id}/development-plan/items/{item.Id}", item);
    }
}
