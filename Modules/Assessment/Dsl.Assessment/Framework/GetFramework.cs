namespace Dsl.Assessment.Framework;

public sealed record SelfAssessmentFramework(int Version, string Source, IReadOnlyList<ScaleLevel> Scale,
    IReadOnlyList<FrameworkElement> Elements);

public static class GetFrameworkEndpoint
{
    /// <summary>
    /// The self-assessment framework: the maturity scale (1 notYetStarted … 4 embedded) and, per element, its guiding
    /// prompts and a descriptor per level (anyone signed in).
    /// </summary>
    [Authorize]
    [WolverineGet("/api/assessment/framework", OperationId = "GetSelfAssessmentFramework")]
    [Tags(ApiTags.Assessment)]
    [EndpointSummary("Get the self-assessment framework")]
    public static async Task<SelfAssessmentFramework> Get(IQuerySession session, CancellationToken ct)
    {
        var file = SeedSelfAssessmentFramework.Load();
        var elements = await session.Query<FrameworkElement>().OrderBy(e => e.Number).ToListAsync(ct);
        return new SelfAssessmentFramework(file.Version, file.Source, file.Scale, elements);
    }
}
