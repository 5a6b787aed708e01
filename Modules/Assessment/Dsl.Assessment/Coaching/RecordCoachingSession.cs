using Dsl.Assessment.SkillsFramework;
using Dsl.Assessment.SkillsReviews;

namespace Dsl.Assessment.Coaching;

/// <param name="Goal">G: what the lead wants to achieve.</param>
/// <param name="Reality">R: where things stand now.</param>
/// <param name="Options">O: the options considered.</param>
/// <param name="WayForward">W: what the lead will do, and by when.</param>
/// <param name="CompetencyCodes">The competencies worked on.</param>
public sealed record RecordCoachingSession(DateOnly Date, int Minutes, List<string> CompetencyCodes, string Goal, string Reality,
    string Options, string WayForward)
{
    public sealed class Validator : AbstractValidator<RecordCoachingSession>
    {
        public Validator()
        {
            RuleFor(x => x.Date).NotEmpty();
            RuleFor(x => x.Minutes).InclusiveBetween(5, 480);
            RuleFor(x => x.CompetencyCodes).NotEmpty();
            RuleFor(x => x.Goal).NotEmpty().MaximumLength(4000);
            RuleFor(x => x.Reality).NotEmpty().MaximumLength(4000);
            RuleFor(x => x.Options).NotEmpty().MaximumLength(4000);
            RuleFor(x => x.WayForward).NotEmpty().MaximumLength(4000);
        }
    }
}

public static class RecordCoachingSessionEndpoint
{
    /// <summary>
    /// Records a GROW coaching session for the lead's review (their cohort's facilitator as coach; an admin may enter
    /// one for the coach but reads back only its date and minutes). Send Idempotency-Key to retry safely.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePost("/api/assessment/skills-reviews/{id}/coaching-sessions", OperationId = "RecordCoachingSession")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Record a GROW coaching session")]
    [ProducesResponseType<CoachingSessionView>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(Guid id, RecordCoachingSession command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { Relation: ReviewRelation.Coach or ReviewRelation.Admin } found)
            return Results.Problem(SkillsReviewAccess.NotFound(id));
        var known = (await Competencies.AllAsync(session, ct)).Select(c => c.Code).ToHashSet();
        if (command.CompetencyCodes.FirstOrDefault(code => !known.Contains(code)) is { } unknown)
            return Results.Problem(Problems.Invalid("competencyCodes", $"There is no competency '{unknown}'."));
        var now = clock.GetUtcNow();
        var coaching = new CoachingSession
        {
            Id = Guid.CreateVersion7(now), ReviewId = id, EnrolmentId = found.Review.EnrolmentId, CoachId = user.UserId() ?? "",
            Date = command.Date, Minutes = command.Minutes, CompetencyCodes = command.CompetencyCodes.Distinct().ToList(),
            Goal = command.Goal.Trim(), Reality = command.Reality.Trim(), Options = command.Options.Trim(),
            WayForward = command.WayForward.Trim(), RecordedAt = now,
        };
        session.Insert(coaching);
        return TypedResults.Created($"/api/assessment/skills-reviews/{id}/coaching-sessions/{coaching.Id}",
            CoachingSessionView.Of(coaching, found.Relation == ReviewRelation.Coach));
    }
}
