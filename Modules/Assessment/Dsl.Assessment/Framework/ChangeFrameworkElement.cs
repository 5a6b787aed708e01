namespace Dsl.Assessment.Framework;

/// <summary>The fields to change; omitted fields keep their value.</summary>
/// <param name="Descriptors">Descriptors by level code (notYetStarted, emerging, developing, embedded); those given replace the old.</param>
public sealed record ChangeFrameworkElement(string? Title, List<GuidingPrompt>? Prompts, Dictionary<string, string>? Descriptors)
{
    public static readonly string[] LevelCodes = ["notYetStarted", "emerging", "developing", "embedded"];

    public sealed class Validator : AbstractValidator<ChangeFrameworkElement>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().MaximumLength(200).When(x => x.Title is not null);
            RuleFor(x => x.Prompts!.Count).InclusiveBetween(3, 6).When(x => x.Prompts is not null)
                .OverridePropertyName("prompts").WithMessage("An element has 3 to 6 guiding prompts.");
            RuleForEach(x => x.Prompts).ChildRules(p =>
            {
                p.RuleFor(x => x.Id).NotEmpty().MaximumLength(60);
                p.RuleFor(x => x.Text).NotEmpty().MaximumLength(500);
            });
            RuleForEach(x => x.Descriptors).Must(d => LevelCodes.Contains(d.Key) && !string.IsNullOrWhiteSpace(d.Value) && d.Value.Length <= 300)
                .WithMessage("Descriptors are keyed by notYetStarted, emerging, developing or embedded, one line each.");
        }
    }
}

public static class ChangeFrameworkElementEndpoint
{
    /// <summary>Edits one element's title, guiding prompts or level descriptors (admin; requires If-Match).</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePatch("/api/assessment/framework/elements/{code}", OperationId = "ChangeSelfAssessmentFrameworkElement")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Change a self-assessment framework element")]
    [ProducesResponseType<FrameworkElement>(StatusCodes.Status200OK)]
    public static async Task<IResult> Patch(string code, ChangeFrameworkElement command,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, HttpResponse response, CancellationToken ct)
    {
        var element = await session.LoadAsync<FrameworkElement>(code, ct);
        if (element is null) return Results.Problem(Problems.NotFound($"There is no framework element with code '{code}'."));
        if (ETags.CheckIfMatch(ifMatch, element.Version) is { } stale) return Results.Problem(stale);
        element.Title = command.Title?.Trim() ?? element.Title;
        if (command.Prompts is not null) element.Prompts = command.Prompts;
        foreach (var (level, text) in command.Descriptors ?? []) element.Descriptors[level] = text.Trim();
        session.UpdateToNextRevision(element, response);
        return TypedResults.Ok(element);
    }
}
