using Dsl.Curriculum.Cohorts;

namespace Dsl.Curriculum.Workshops;

public static class GetWorkshopEndpoint
{
    /// <summary>One workshop, with its ETag (admin, the cohort's facilitator, heads and leads of its settings).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/workshops/{id}", OperationId = "GetWorkshop")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a workshop")]
    [ProducesResponseType<WorkshopView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var workshop = await session.LoadAsync<Workshop>(id, ct);
        var cohort = workshop is null ? null : await session.LoadAsync<CurriculumCohort>(workshop.CohortId, ct);
        if (workshop is null || !await CohortAccess.CanReadAsync(user, cohort, session, ct))
            return Results.Problem(Problems.NotFound($"There is no workshop {id}."));
        response.SetETag(workshop.Version);
        return TypedResults.Ok(WorkshopView.From(workshop));
    }
}
