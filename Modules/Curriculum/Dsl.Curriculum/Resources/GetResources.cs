namespace Dsl.Curriculum.Resources;

public sealed record GetResourcesQuery : PageQuery
{
    /// <summary>Only resources for this element code, e.g. "staff-development".</summary>
    [FromQuery(Name = "element")] public string? Element { get; set; }

    public sealed class Validator : AbstractValidator<GetResourcesQuery>
    {
        public Validator()
        {
            Include(new PageQueryValidator(Cursors.IsGuidKey));
            RuleFor(x => x.Element).Must(e => ResourceRules.ElementCodes.Contains(e!)).When(x => x.Element is not null)
                .WithMessage("element must be a curriculum element code, e.g. \"leadership-and-management\".");
        }
    }
}

public static class GetResourcesEndpoint
{
    /// <summary>The free course materials still in use, optionally for one element; retired ones are left out.</summary>
    [Authorize]
    [WolverineGet("/api/curriculum/resources", OperationId = "GetResources")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("List course resources")]
    public static async Task<Page<ResourceView>> Get([AsParameters] GetResourcesQuery query, IQuerySession session,
        CancellationToken ct)
    {
        var after = query.After is null ? Guid.Empty : Guid.Parse(query.After);
        var resources = session.Query<Resource>().Where(r => r.RetiredAt == null);
        if (query.Element is not null) resources = resources.Where(r => r.ElementCodes.Contains(query.Element));
        // Resources number in the tens, so ordering and paging in memory keeps the cursor simple and exact.
        var page = (await resources.ToListAsync(ct)).OrderBy(r => r.Id)
            .Where(r => r.Id.CompareTo(after) > 0).Take(query.Take + 1).ToList();
        return page.ToPage(query.Take, r => r.Id.ToString()).Select(ResourceView.From);
    }
}
