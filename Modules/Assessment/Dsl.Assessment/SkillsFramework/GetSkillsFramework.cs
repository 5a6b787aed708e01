namespace Dsl.Assessment.SkillsFramework;

/// <param name="Scale">1 rarely … 5 consistently; a rater who has not seen a behaviour answers null (cannot say).</param>
public sealed record SkillsFrameworkView(int Version, string Source, IReadOnlyList<RatingLevel> Scale, IReadOnlyList<Competency> Competencies);

public static class GetSkillsFrameworkEndpoint
{
    /// <summary>
    /// The management-skills framework of the lead's 360° review: the rating scale and, per competency, its behaviour
    /// statements with their codes (anyone signed in).
    /// </summary>
    [Authorize]
    [WolverineGet("/api/assessment/skills-framework", OperationId = "GetSkillsFramework")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get the management-skills framework")]
    public static async Task<SkillsFrameworkView> Get(IQuerySession session, CancellationToken ct)
    {
        var file = SeedSkillsFramework.Load();
        return new SkillsFrameworkView(file.Version, file.Source, file.Scale, await Competencies.AllAsync(session, ct));
    }
}

internal static class Competencies
{
    public static async Task<IReadOnlyList<Competency>> AllAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<Competency>().OrderBy(c => c.Number).ToListAsync(ct);
}
