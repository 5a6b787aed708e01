namespace Dsl.Curriculum.Elements;

public sealed record GetElementsQuery : PageQuery
{
    public sealed class Validator : AbstractValidator<GetElementsQuery>
    {
        public Validator() => Include(new PageQueryValidator());
    }
}

public static class GetElementsEndpoint
{
    /// <summary>The eight elements in curriculum order, with learning outcomes and linked resources.</summary>
    [Authorize]
    [WolverineGet("/api/curriculum/elements", OperationId = "GetElements")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("List curriculum elements")]
    public static async Task<Page<Element>> Get([AsParameters] GetElementsQuery query, IQuerySession session,
        CancellationToken ct)
    {
        var after = int.TryParse(query.After, out var n) ? n : 0;
        var elements = await session.Query<Element>()
            .Where(e => e.Number > after)
            .OrderBy(e => e.Number)
            .Take(query.Take + 1)
            .ToListAsync(ct);
        return elements.ToPage(query.Take, e => e.Number.ToString());
    }
}
