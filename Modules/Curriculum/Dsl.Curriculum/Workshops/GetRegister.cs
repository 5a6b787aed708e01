using Dsl.Curriculum.Cohorts;

namespace Dsl.Curriculum.Workshops;

public static class GetRegisterEndpoint
{
    /// <summary>A workshop's register with the facilitator's notes (admin or the cohort's facilitator).</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverineGet("/api/curriculum/workshops/{id}/attendance", OperationId = "GetRegister")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a workshop's register")]
    [ProducesResponseType<RegisterView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var workshop = await session.LoadAsync<Workshop>(id, ct);
        var cohort = workshop is null ? null : await session.LoadAsync<CurriculumCohort>(workshop.CohortId, ct);
        if (workshop is null || !CohortAccess.CanRun(user, cohort))
            return Results.Problem(Problems.NotFound($"There is no workshop {id}."));
        return TypedResults.Ok(new RegisterView(id, await RecordAttendanceEndpoint.RegisterAsync(session, id, ct)));
    }
}
