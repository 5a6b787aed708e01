using Wolverine.Persistence;

namespace Dsl.Enrolment.Cohorts;

public static class GetCohortEndpoint
{
    public static ProblemDetails Validate(Cohort cohort, ClaimsPrincipal user) =>
        CohortOccupancyQuery.CanSee(user, cohort) ? WolverineContinue.NoProblems : Problems.NotFound($"There is no cohort {cohort.Id}.");

    /// <summary>One cohort with places taken, places left and waitlist length. Facilitators see their own cohorts.</summary>
    [Authorize]
    [WolverineGet("/api/cohorts/{id}", OperationId = "GetCohort")]
    [Tags(ApiTags.Cohorts)]
    [EndpointSummary("Get a cohort")]
    public static async Task<CohortView> Get([Entity("id")] Cohort cohort, IQuerySession session, HttpResponse response,
        CancellationToken ct)
    {
        response.SetETag(cohort.Version);
        return await CohortOccupancyQuery.ViewAsync(session, cohort, ct);
    }
}
