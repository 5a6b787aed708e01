using Dsl.Assessment.SkillsFramework;

namespace Dsl.Assessment.SkillsReviews;

/// <param name="LeadFirstName">Whom the rater is rating (the first name only).</param>
public sealed record RaterQuestionnaire(string LeadFirstName, RaterGroup Group, DateTimeOffset ExpiresAt,
    IReadOnlyList<RatingLevel> Scale, IReadOnlyList<QuestionnaireCompetency> Competencies);

public sealed record QuestionnaireCompetency(string Code, string Title, IReadOnlyList<BehaviourStatement> Statements);

public static class GetRaterQuestionnaireEndpoint
{
    /// <summary>
    /// The questionnaire behind a rater's link, without an account (the address is the secret): the lead's first
    /// name and the competencies with their statements. 404 unknown or revoked, 409 answered, 410 expired or closed.
    /// </summary>
    /// <param name="token">The token in the link the lead sent.</param>
    [AllowAnonymous]
    [WolverineGet("/api/assessment/rater-invitations/{token}", OperationId = "GetRaterQuestionnaire")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Open a rater's questionnaire")]
    [ProducesResponseType<RaterQuestionnaire>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string token, IQuerySession session, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var found = await RaterInvitations.FindAsync(token, session, ct);
        if (RaterInvitations.Refusal(found, clock.GetUtcNow()) is { } refused) return Results.Problem(refused);
        var (invitation, review) = found!.Value;
        var lead = await session.LoadAsync<ReviewedLead>(review.EnrolmentId, ct);
        response.Headers.CacheControl = "no-store";
        var competencies = (await Competencies.AllAsync(session, ct))
            .Select(c => new QuestionnaireCompetency(c.Code, c.Title, c.Statements)).ToList();
        return TypedResults.Ok(new RaterQuestionnaire(lead?.FirstName ?? "", invitation.Group, invitation.ExpiresAt,
            SeedSkillsFramework.Load().Scale, competencies));
    }
}
