namespace Dsl.Enrolment.Regions;

public sealed record GetRegionsQuery : PageQuery
{
    public sealed class Validator : AbstractValidator<GetRegionsQuery>
    {
        public Validator() => Include(new PageQueryValidator());
    }
}

public static class GetRegionsEndpoint
{
    /// <summary>The seven delivery regions, with the government office regions each covers.</summary>
    [Authorize]
    [WolverineGet("/api/regions", OperationId = "GetRegions")]
    [Tags(ApiTags.ReferenceData)]
    [EndpointSummary("List regions")]
    public static Page<Region> Get([AsParameters] GetRegionsQuery query)
    {
        var after = query.After;
        var index = after is null ? 0 : ProgrammeRegions.All.ToList().FindIndex(r => r.Code == after) + 1;
        return ProgrammeRegions.All.Skip(index).Take(query.Take + 1).ToList().ToPage(query.Take, r => r.Code);
    }
}
