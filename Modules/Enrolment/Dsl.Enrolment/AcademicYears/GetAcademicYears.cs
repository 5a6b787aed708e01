using Wolverine.Persistence;

namespace Dsl.Enrolment.AcademicYears;

public sealed record GetAcademicYearsQuery : PageQuery
{
    public sealed class Validator : AbstractValidator<GetAcademicYearsQuery>
    {
        public Validator() => Include(new PageQueryValidator());
    }
}

public static class GetAcademicYearsEndpoint
{
    /// <summary>The programme's academic years in order, with their place caps.</summary>
    [Authorize]
    [WolverineGet("/api/academic-years", OperationId = "GetAcademicYears")]
    [Tags(ApiTags.ReferenceData)]
    [EndpointSummary("List academic years")]
    public static async Task<Page<AcademicYear>> Get([AsParameters] GetAcademicYearsQuery query,
        IQuerySession session, CancellationToken ct)
    {
        var after = query.After ?? "";
        var years = await session.Query<AcademicYear>()
            .Where(y => y.Id.CompareTo(after) > 0)
            .OrderBy(y => y.Id)
            .Take(query.Take + 1)
            .ToListAsync(ct);
        return years.ToPage(query.Take, y => y.Id);
    }
}

public static class GetAcademicYearEndpoint
{
    /// <summary>One academic year; the ETag is what a later PATCH sends as If-Match.</summary>
    [Authorize]
    [WolverineGet("/api/academic-years/{id}", OperationId = "GetAcademicYear")]
    [Tags(ApiTags.ReferenceData)]
    [EndpointSummary("Get an academic year")]
    public static AcademicYear Get([Entity("id")] AcademicYear year, HttpResponse response)
    {
        response.SetETag(year.Version);
        return year;
    }
}
