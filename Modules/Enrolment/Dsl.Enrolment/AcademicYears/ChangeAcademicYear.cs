using Dsl.BuildingBlocks.Http;
using Dsl.BuildingBlocks.Security;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Persistence;

namespace Dsl.Enrolment.AcademicYears;

/// <param name="PlaceCap">The new number of funded places for the year.</param>
public sealed record ChangeAcademicYear(int? PlaceCap)
{
    public sealed class Validator : AbstractValidator<ChangeAcademicYear>
    {
        public Validator()
        {
            RuleFor(x => x.PlaceCap).NotNull().InclusiveBetween(1, 100_000);
        }
    }
}

public static class ChangeAcademicYearEndpoint
{
    /// <summary>Changes a year's place cap (admin). Requires If-Match with the year's current ETag.</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePatch("/api/academic-years/{id}", OperationId = "ChangeAcademicYear")]
    [Tags("Reference data")]
    [ProducesResponseType<AcademicYear>(StatusCodes.Status200OK)]
    public static IResult Patch(ChangeAcademicYear command, [Entity("id")] AcademicYear year,
        [FromHeader(Name = "If-Match")] string? ifMatch, IDocumentSession session, HttpResponse response)
    {
        if (ETags.CheckIfMatch(ifMatch, year.Version) is { } stale) return Results.Problem(stale);

        year.PlaceCap = command.PlaceCap!.Value;
        var next = year.Version + 1;
        // Marten rejects the write if another request moved the revision on meanwhile: a 412, not a lost update.
        session.UpdateRevision(year, next);
        year.Version = next;
        response.SetETag(next);
        return TypedResults.Ok(year);
    }
}
