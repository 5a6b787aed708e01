using Dsl.Assessment.Enrolments;

namespace Dsl.Assessment.SkillsReviews;

/// <param name="Stage">start or end: an enrolment has one review of each.</param>
/// <param name="Deadline">When it closes by itself if not closed before (default: the rater link expiry from now).</param>
public sealed record OpenSkillsReview(Guid EnrolmentId, SkillsReviewStage Stage, DateTimeOffset? Deadline)
{
    public sealed class Validator : AbstractValidator<OpenSkillsReview>
    {
        public Validator()
        {
            RuleFor(x => x.EnrolmentId).NotEmpty();
            RuleFor(x => x.Stage).IsInEnum();
        }
    }
}

/// <summary>Closes a review whose deadline passed, if it is still open (a durable scheduled message).</summary>
public sealed record CloseSkillsReviewAtDeadline(Guid ReviewId);

public static class OpenSkillsReviewEndpoint
{
    /// <summary>
    /// Opens the lead's start or end management-skills review for an enrolment (the lead, their cohort's facilitator,
    /// or an admin acting for them). A second review of the same stage is 409; an end review needs a closed start
    /// review. It closes by itself at its deadline. Send Idempotency-Key to retry safely.
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverinePost("/api/assessment/skills-reviews", OperationId = "OpenSkillsReview")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Open a management-skills review")]
    [ProducesResponseType<SkillsReviewView>(StatusCodes.Status201Created)]
    public static async Task<(IResult, OutgoingMessages)> Post(OpenSkillsReview command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, IOptions<AssessmentOptions> options, HttpResponse response, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var enrolment = await session.LoadAsync<AssessedEnrolment>(command.EnrolmentId, ct);
        if (await SkillsReviewAccess.RelationAsync(user, enrolment, session, ct) == ReviewRelation.None)
            return (Results.Problem(Problems.Invalid("enrolmentId", $"There is no confirmed enrolment {command.EnrolmentId} of yours.")), messages);
        if (enrolment!.Withdrawn) return (Results.Problem(Problems.Conflict("The enrolment was withdrawn.")), messages);
        var now = clock.GetUtcNow();
        if (command.Deadline is { } deadline && deadline <= now)
            return (Results.Problem(Problems.Invalid("deadline", "The deadline is in the future.")), messages);
        var existing = await session.Query<SkillsReview>().Where(r => r.EnrolmentId == enrolment.Id).ToListAsync(ct);
        if (existing.FirstOrDefault(r => r.Stage == command.Stage) is { } same)
            return (Results.Problem(Problems.Conflict($"The enrolment already has a {Label(command.Stage)} review {same.Id}.",
                new Dictionary<string, object?> { ["reviewId"] = same.Id })), messages);
        if (command.Stage == SkillsReviewStage.End && !existing.Any(r => r is { Stage: SkillsReviewStage.Start, Status: SkillsReviewStatus.Closed }))
            return (Results.Problem(Problems.Conflict("The end review follows a closed start review.")), messages);

        var review = new SkillsReview
        {
            Id = Guid.CreateVersion7(now), EnrolmentId = enrolment.Id, SettingUrn = enrolment.SettingUrn, Region = enrolment.Region,
            Stage = command.Stage, Status = SkillsReviewStatus.Open, OpenedAt = now,
            Deadline = command.Deadline ?? now + options.Value.RaterLinkExpiry, Version = 1,
        };
        session.Insert(review);
        messages.Schedule(new CloseSkillsReviewAtDeadline(review.Id), review.Deadline);
        response.SetETag(review.Version);
        return (TypedResults.Created($"/api/assessment/skills-reviews/{review.Id}", await SkillsReviewReads.View(review, session, ct)), messages);
    }

    private static string Label(SkillsReviewStage stage) => stage == SkillsReviewStage.Start ? "start" : "end";
}
