namespace Dsl.Assessment.SkillsFramework;

/// <summary>The fields to change; omitted fields keep their value.</summary>
/// <param name="Statements">Replaces the behaviour statements (3 to 5, codes unique). Reviews already closed keep their stored results.</param>
public sealed record ChangeCompetency(string? Title, List<BehaviourStatement>? Statements)
{
    public sealed class Validator : AbstractValidator<ChangeCompetency>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().MaximumLength(200).When(x => x.Title is not null);
            RuleFor(x => x.Statements!.Count).InclusiveBetween(3, 5).When(x => x.Statements is not null)
                .OverridePropertyName("statements").WithMessage("A competency has 3 to 5 behaviour statements.");
            RuleFor(x => x.Statements).Must(s => s!.Select(b => b.Code).Distinct().Count() == s!.Count)
                .When(x => x.Statements is not null).WithMessage("Statement codes are unique.");
            RuleForEach(x => x.Statements).ChildRules(s =>
            {
                s.RuleFor(x => x.Code).NotEmpty().MaximumLength(60).Matches("^[a-z0-9-]+$");
                s.RuleFor(x => x.Text).NotEmpty().MaximumLength(500);
            });
        }
    }
}

public static class ChangeCompetencyEndpoint
{
    /// <summary>Edits one competency's title or behaviour statements (admin; requires If-Match).</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePatch("/api/assessment/skills-framework/competencies/{code}", OperationId = "ChangeSkillsCompetency")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Change a management-skills competency")]
    [ProducesResponseType<Competency>(StatusCodes.Status200OK)]
    public static async Task<IResult> Patch(string code, ChangeCompetency command,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, HttpResponse response, CancellationToken ct)
    {
        var competency = await session.LoadAsync<Competency>(code, ct);
        if (competency is null) return Results.Problem(Problems.NotFound($"There is no competency with code '{code}'."));
        if (ETags.CheckIfMatch(ifMatch, competency.Version) is { } stale) return Results.Problem(stale);
        competency.Title = command.Title?.Trim() ?? competency.Title;
        if (command.Statements is not null)
            competency.Statements = command.Statements.Select(s => new BehaviourStatement(s.Code, s.Text.Trim())).ToList();
        session.UpdateToNextRevision(competency, response);
        return TypedResults.Ok(competency);
    }
}
