namespace Dsl.Curriculum.Calendars;

public static class RevokeCalendarLinkEndpoint
{
    public static Task<CalendarLink?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<CalendarLink>(id, ct);

    public static ProblemDetails Validate(CalendarLink? link, Guid id, ClaimsPrincipal user) =>
        link is not null && (user.IsInRole(Roles.Admin) || link.CreatedBy == user.UserId())
            ? WolverineContinue.NoProblems
            : Problems.NotFound($"There is no calendar link {id}.");

    /// <summary>Revokes a private calendar link (the user who made it, or an admin): its address answers 404 from now on.</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineDelete("/api/curriculum/calendar-links/{id}", OperationId = "RevokeCalendarLink")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Revoke a private calendar link")]
    public static IResult Delete([NotBody] CalendarLink link, IDocumentSession session)
    {
        session.Delete(link);
        return TypedResults.NoContent();
    }
}
