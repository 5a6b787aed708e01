using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.Enrolment.AcademicYears;

/// <param name="Name">The academic year as people write it, e.g. "2024/25".</param>
/// <param name="PlaceCap">Funded places for the year; defaults to 5,000.</param>
public sealed record AddAcademicYear(string Name, int? PlaceCap)
{
    public sealed class Validator : AbstractValidator<AddAcademicYear>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty()
                .Must(AcademicYear.IsValidName).WithMessage("name must be an academic year such as \"2024/25\".");
            RuleFor(x => x.PlaceCap).InclusiveBetween(1, 100_000).When(x => x.PlaceCap is not null);
        }
    }
}

public static class AddAcademicYearEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(AddAcademicYear command, IQuerySession session,
        CancellationToken ct)
    {
        var exists = await session.Query<AcademicYear>().AnyAsync(y => y.Id == AcademicYear.IdFor(command.Name), ct);
        return exists
            ? Problems.Conflict($"Academic year {command.Name} already exists.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>Adds an academic year (admin). Returns the year with its ETag.</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/academic-years", OperationId = "AddAcademicYear")]
    [Tags(ApiTags.ReferenceData)]
    [EndpointSummary("Add an academic year")]
    public static Created<AcademicYear> Post(AddAcademicYear command, IDocumentSession session, HttpResponse response)
    {
        var year = AcademicYear.Create(command.Name, command.PlaceCap ?? AcademicYear.DefaultPlaceCap);
        year.Version = 1;
        session.Insert(year);
        response.SetETag(year.Version);
        return TypedResults.Created($"/api/academic-years/{year.Id}", year);
    }
}
