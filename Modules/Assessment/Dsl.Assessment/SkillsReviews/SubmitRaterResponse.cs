using Dsl.Assessment.SkillsFramework;

namespace Dsl.Assessment.SkillsReviews;

public sealed record CompetencyComment(string CompetencyCode, string Text);

/// <param name="Ratings">Per statement code, 1 rarely … 5 consistently, or null: cannot say.</param>
/// <param name="Comments">Optional free text per competency, shown to the lead unattributed.</param>
public sealed record SubmitRaterResponse(List<StatementRating> Ratings, List<CompetencyComment>? Comments)
{
    public sealed class Validator : AbstractValidator<SubmitRaterResponse>
    {
        public Validator()
        {
            RuleFor(x => x.Ratings).NotEmpty();
            RuleForEach(x => x.Ratings).SetValidator(new StatementRating.Validator());
            RuleForEach(x => x.Comments).ChildRules(c =>
            {
                c.RuleFor(x => x.CompetencyCode).NotEmpty().MaximumLength(60);
                c.RuleFor(x => x.Text).NotEmpty().MaximumLength(2000);
            });
        }
    }
}

public static class SubmitRaterResponseEndpoint
{
    /// <summary>
    /// A rater's answers, once, without an account. Stored with the rater's group only, under a random id, apart
    /// from the invitation and the address; shown to the lead only in the report, under the anonymity rules.
    /// A second submission is 409; 404 unknown or revoked, 410 expired or closed.
    /// </summary>
    /// <param name="token">The token in the link the lead sent.</param>
    [AllowAnonymous]
    [WolverinePost("/api/assessment/rater-invitations/{token}", OperationId = "SubmitRaterResponse")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Submit a rater's answers")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public static async Task<IResult> Post(string token, SubmitRaterResponse command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var found = await RaterInvitations.FindAsync(token, session, ct);
        if (RaterInvitations.Refusal(found, clock.GetUtcNow()) is { } refused) return Results.Problem(refused);
        var (invitation, review) = found!.Value;
        if (await StatementCodes.UnknownAsync(command.Ratings.Select(r => r.StatementCode), "ratings", session, ct) is { } unknown)
            return Results.Problem(unknown);
        var competencies = (await Competencies.AllAsync(session, ct)).Select(c => c.Code).ToHashSet();
        var comments = command.Comments ?? [];
        if (comments.Select((c, i) => (c, i)).FirstOrDefault(c => !competencies.Contains(c.c.CompetencyCode)) is { c: not null } bad)
            return Results.Problem(Problems.Invalid($"comments[{bad.i}].competencyCode", $"There is no competency '{bad.c.CompetencyCode}'."));

        invitation.Status = InvitationStatus.Answered;
        // The revision makes a simultaneous second submission fail (409) instead of counting twice.
        session.UpdateRevision(invitation, invitation.Version + 1);
        session.Insert(new RaterResponse
        {
            Id = Guid.NewGuid(), ReviewId = review.Id, EnrolmentId = review.EnrolmentId, Group = invitation.Group,
            Ratings = command.Ratings.GroupBy(r => r.StatementCode).ToDictionary(g => g.Key, g => g.Last().Rating),
            Comments = comments.Select(c => new RaterComment(c.CompetencyCode, c.Text.Trim())).ToList(),
        });
        return TypedResults.NoContent();
    }
}
