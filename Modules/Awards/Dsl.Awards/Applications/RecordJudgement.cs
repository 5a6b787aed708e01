using Dsl.Awards.Eligibility;

namespace Dsl.Awards.Applications;

/// <param name="Outcome">met or notYetMet.</param>
/// <param name="Comment">The assessor's reasons, which the setting reads.</param>
public sealed record RecordJudgement(string ElementCode, JudgementOutcome Outcome, string? Comment)
{
    public sealed class Validator : AbstractValidator<RecordJudgement>
    {
        public Validator()
        {
            RuleFor(x => x.ElementCode).Must(c => AwardCriteria.Current.ElementCodes.Contains(c))
                .WithMessage($"elementCode must be one of {string.Join(", ", AwardCriteria.Elements)}.");
            RuleFor(x => x.Comment).MaximumLength(4000);
        }
    }
}

public static class RecordJudgementEndpoint
{
    public static Task<AwardApplication?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<AwardApplication>(id, ct);

    public static ProblemDetails Validate(AwardApplication? application, ClaimsPrincipal user) => ApplicationAccess.CheckReviewer(user, application);

    /// <summary>Records (or revises) the assessor's judgement of one element, met or not yet met, with a comment (the assigned assessor).</summary>
    [Authorize(Roles = AwardsRoles.Reviewers)]
    [WolverinePost("/api/awards/applications/{id}/judgements", OperationId = "RecordAwardJudgement")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Judge an element of an application")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public static IResult Post(RecordJudgement command, AwardApplication application, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, HttpResponse response)
    {
        application.Judgements[command.ElementCode] = new Judgement(command.Outcome, command.Comment?.Trim(), user.UserId() ?? "", clock.GetUtcNow());
        session.UpdateToNextRevision(application, response);
        return TypedResults.Ok(ApplicationView.From(application, AwardCriteria.Current));
    }
}
