using Dsl.Enrolment.AcademicYears;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.Enrolment.Cohorts;

/// <param name="AcademicYearId">e.g. "2023-24".</param>
/// <param name="Region">A programme region code, or "national" for a national/virtual cohort.</param>
/// <param name="FacilitatorId">The facilitator's user id (token subject), if assigned.</param>
public sealed record CreateCohort(string AcademicYearId, string Region, DeliveryMode? DeliveryMode, string Name,
    DateOnly? StartsOn, int? Capacity, string? FacilitatorId)
{
    public sealed class Validator : AbstractValidator<CreateCohort>
    {
        public Validator()
        {
            RuleFor(x => x.AcademicYearId).NotEmpty();
            RuleFor(x => x.Region).CohortRegion();
            RuleFor(x => x.DeliveryMode).NotNull();
            RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            RuleFor(x => x.StartsOn).NotNull();
            RuleFor(x => x.Capacity).NotNull().CohortCapacity();
            RuleFor(x => x.FacilitatorId).MaximumLength(200);
        }
    }
}

public static class CreateCohortEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(CreateCohort command, IQuerySession session, CancellationToken ct)
    {
        var year = await session.LoadAsync<AcademicYear>(command.AcademicYearId, ct);
        if (year is null) return Problems.Invalid("academicYearId", $"There is no academic year {command.AcademicYearId}.");
        return command.StartsOn < year.StartsOn || command.StartsOn > year.EndsOn
            ? Problems.Invalid("startsOn", $"startsOn must fall within {year.Name} ({year.StartsOn:yyyy-MM-dd} to {year.EndsOn:yyyy-MM-dd}).")
            : WolverineContinue.NoProblems;
    }

    /// <summary>Creates a cohort (admin).</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/cohorts", OperationId = "CreateCohort")]
    [Tags(ApiTags.Cohorts)]
    [EndpointSummary("Create a cohort")]
    public static (Created<CohortView>, IMartenOp, IMartenOp, CohortScheduled) Post(CreateCohort command, TimeProvider clock,
        HttpResponse response)
    {
        var now = clock.GetUtcNow();
        var cohort = new Cohort
        {
            Id = Guid.CreateVersion7(now), AcademicYearId = command.AcademicYearId, Region = command.Region,
            DeliveryMode = command.DeliveryMode!.Value, Name = command.Name.Trim(), StartsOn = command.StartsOn!.Value,
            Capacity = command.Capacity!.Value, FacilitatorId = command.FacilitatorId, Version = 1,
        };
        response.SetETag(cohort.Version);
        return (TypedResults.Created($"/api/cohorts/{cohort.Id}", CohortView.From(cohort, CohortOccupancy.Empty)),
            MartenOps.Insert(cohort),
            MartenOps.Insert(new AnnouncedCohort { Id = cohort.Id, At = now }),
            new CohortScheduled().Describe(cohort, now));
    }
}
