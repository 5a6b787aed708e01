using Dsl.Assessment.SkillsFramework;

namespace Dsl.Assessment.SkillsReviews;

/// <param name="Rating">1 rarely … 5 consistently, or null: cannot say.</param>
public sealed record StatementRating(string StatementCode, int? Rating)
{
    public sealed class Validator : AbstractValidator<StatementRating>
    {
        public Validator()
        {
            RuleFor(x => x.StatementCode).NotEmpty().MaximumLength(60);
            RuleFor(x => x.Rating).InclusiveBetween(1, 5).When(x => x.Rating is not null)
                .WithMessage("rating is 1 (rarely) to 5 (consistently), or null for cannot say.");
        }
    }
}

/// <param name="Ratings">Ratings per statement code; those given replace the earlier ones.</param>
public sealed record RateSelf(List<StatementRating> Ratings)
{
    public sealed class Validator : AbstractValidator<RateSelf>
    {
        public Validator()
        {
            RuleFor(x => x.Ratings).NotEmpty();
            RuleForEach(x => x.Ratings).SetValidator(new StatementRating.Validator());
        }
    }
}

public static class RateSelfEndpoint
{
    /// <summary>
    /// Records the lead's own ratings of behaviour statements in their review, as a draft until they submit
    /// (the lead, or an admin acting for them; requires If-Match).
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePut("/api/assessment/skills-reviews/{id}/self-ratings", OperationId = "RateSelfInSkillsReview")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Rate yourself in a management-skills review")]
    [ProducesResponseType<SkillsReviewView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Put(Guid id, RateSelf command, ClaimsPrincipal user, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, HttpResponse response, CancellationToken ct)
    {
        if (await SkillsReviewAccess.FindAsync(id, user, session, ct) is not { Relation: ReviewRelation.Lead or ReviewRelation.Admin } found)
            return Results.Problem(SkillsReviewAccess.NotFound(id));
        var review = found.Review;
        if (review.Status == SkillsReviewStatus.Closed || review.SelfSubmittedAt is not null)
            return Results.Problem(Problems.Conflict("Your ratings were submitted or the review is closed; they cannot change."));
        if (ETags.CheckIfMatch(ifMatch, review.Version) is { } stale) return Results.Problem(stale);
        if (await StatementCodes.UnknownAsync(command.Ratings.Select(r => r.StatementCode), "ratings", session, ct) is { } unknown)
            return Results.Problem(unknown);
        foreach (var rating in command.Ratings) review.SelfRatings[rating.StatementCode] = rating.Rating;
        session.UpdateToNextRevision(review, response);
        return TypedResults.Ok(await SkillsReviewReads.View(review, session, ct));
    }
}

internal static class StatementCodes
{
    public static async Task<HashSet<string>> AllAsync(IQuerySession session, CancellationToken ct) =>
        (await Competencies.AllAsync(session, ct)).SelectMany(c => c.Statements).Select(s => s.Code).ToHashSet();

    /// <summary>A 400 naming the first unknown statement code, or null when all are in the framework.</summary>
    public static async Task<ProblemDetails?> UnknownAsync(IEnumerable<string> codes, string field, IQuerySession session, CancellationToken ct)
    {
        var known = await AllAsync(session, ct);
        var unknown = codes.Select((code, i) => (code, i)).FirstOrDefault(c => !known.Contains(c.code));
        return unknown.code is null ? null : Problems.Invalid($"{field}[{unknown.i}].statementCode", $"There is no statement '{unknown.code}'.");
    }
}
