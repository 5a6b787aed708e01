using Dsl.Awards.Journeys;

namespace Dsl.Awards.Standards;

/// <param name="SelfAssessmentId">The setting's submitted self-assessment the review rests on.</param>
/// <param name="Statement">A short statement of where the setting stands against the standards.</param>
public sealed record SubmitAnnualReview(Guid SelfAssessmentId, string Statement)
{
    public sealed class Validator : AbstractValidator<SubmitAnnualReview>
    {
        public Validator()
        {
            RuleFor(x => x.SelfAssessmentId).NotEmpty();
            RuleFor(x => x.Statement).NotEmpty().MaximumLength(4000);
        }
    }
}

public static class SubmitAnnualReviewEndpoint
{
    public static Task<StandardsSubscription?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<StandardsSubscription>(id, ct);

    public static async Task<ProblemDetails> ValidateAsync(SubmitAnnualReview command, StandardsSubscription? subscription, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct)
    {
        if (SettingAccess.Check(user, subscription?.SettingUrn, "There is no standards subscription with this id.") is { Status: not null } hidden) return hidden;
        var assessment = await session.LoadAsync<ReportedSelfAssessment>(command.SelfAssessmentId, ct);
        return assessment?.SettingUrn == subscription!.SettingUrn
            ? WolverineContinue.NoProblems
            : Problems.Invalid("selfAssessmentId", "Not a submitted self-assessment of this setting.");
    }

    /// <summary>
    /// Submits the annual review (the setting's head or lead): the next is due a year later. A lapsed subscription is
    /// renewed by it.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/awards/standards-subscriptions/{id}/reviews", OperationId = "SubmitStandardsAnnualReview")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Submit the annual standards review")]
    [ProducesResponseType<StandardsSubscription>(StatusCodes.Status200OK)]
    public static (IResult, OutgoingMessages) Post(SubmitAnnualReview command, StandardsSubscription subscription, IDocumentSession session,
        TimeProvider clock, IOptions<StandardsOptions> options, HttpResponse response)
    {
        var now = clock.GetUtcNow();
        subscription.Reviews.Add(new AnnualReview(command.SelfAssessmentId, command.Statement.Trim(), now));
        subscription.Status = StandardsStatus.Active;
        subscription.LapsedAt = null;
        subscription.ReviewDueAt = now + options.Value.ReviewInterval;
        session.UpdateToNextRevision(subscription, response);
        var messages = new OutgoingMessages();
        messages.Schedule(new LapseStandardsSubscription(subscription.Id, subscription.ReviewDueAt), subscription.ReviewDueAt + options.Value.LapseAfter);
        return (TypedResults.Ok(subscription), messages);
    }
}
