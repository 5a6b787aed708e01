using Dsl.Assessment.Framework;

namespace Dsl.Assessment.SelfAssessments;

/// <param name="Level">1 notYetStarted, 2 emerging, 3 developing, 4 embedded (a needs assessment: 1).</param>
/// <param name="Evidence">What is in place (a whole-school approach needs it to submit).</param>
/// <param name="Need">What the setting needs here (a needs assessment needs it to submit).</param>
/// <param name="Priority">The need's priority: high, medium or low.</param>
/// <param name="PromptNotes">Optional notes keyed by the framework's prompt id.</param>
public sealed record RateElement(int Level, string? Evidence, string? Need, NeedPriority? Priority,
    Dictionary<string, string>? PromptNotes)
{
    public sealed class Validator : AbstractValidator<RateElement>
    {
        public Validator()
        {
            RuleFor(x => x.Level).InclusiveBetween(1, 4).WithMessage("level is 1 (notYetStarted) to 4 (embedded).");
            RuleFor(x => x.Evidence).MaximumLength(4000);
            RuleFor(x => x.Need).MaximumLength(4000);
            RuleForEach(x => x.PromptNotes).Must(n => n.Value is { Length: <= 2000 })
                .WithMessage("A prompt note is at most 2000 characters.");
        }
    }
}

public static class RateElementEndpoint
{
    /// <summary>
    /// Records one element's level, evidence (or, in a needs assessment, the need and its priority) and optional notes
    /// per guiding prompt, in a draft (the setting's lead or head, or an admin acting for it; requires If-Match).
    /// </summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePut("/api/assessment/self-assessments/{id}/elements/{code}", OperationId = "RateSelfAssessmentElement")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Rate an element of a self-assessment")]
    [ProducesResponseType<SelfAssessment>(StatusCodes.Status200OK)]
    public static async Task<IResult> Put(Guid id, string code, RateElement command, ClaimsPrincipal user,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, HttpResponse response, CancellationToken ct)
    {
        var assessment = await session.LoadAsync<SelfAssessment>(id, ct);
        if (assessment is null || !AssessmentAccess.CanWrite(user, assessment.SettingUrn))
            return Results.Problem(SelfAssessmentReads.NotFound(id));
        var element = await session.LoadAsync<FrameworkElement>(code, ct);
        if (element is null) return Results.Problem(Problems.NotFound($"There is no framework element with code '{code}'."));
        if (assessment.Status != SelfAssessmentStatus.Draft)
            return Results.Problem(Problems.Conflict("A submitted self-assessment cannot change; start a review instead."));
        if (ETags.CheckIfMatch(ifMatch, assessment.Version) is { } stale) return Results.Problem(stale);
        if (SelfAssessmentRules.RatingProblem(assessment.Approach, command, element) is { } problem)
            return Results.Problem(Problems.Invalid("level", problem));

        assessment.Elements[code] = new ElementRating(command.Level, command.Evidence?.Trim(), command.Need?.Trim(),
            command.Priority, command.PromptNotes);
        session.UpdateToNextRevision(assessment, response);
        return TypedResults.Ok(await SelfAssessmentReads.View(assessment, session, ct));
    }
}
