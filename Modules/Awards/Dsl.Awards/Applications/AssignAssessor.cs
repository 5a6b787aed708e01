using Dsl.Awards.Journeys;

namespace Dsl.Awards.Applications;

/// <param name="AssessorId">The assessor's user id (their token's subject).</param>
public sealed record AssignAssessor(string AssessorId)
{
    public sealed class Validator : AbstractValidator<AssignAssessor>
    {
        public Validator() => RuleFor(x => x.AssessorId).NotEmpty().MaximumLength(200);
    }
}

public static class AssignAssessorEndpoint
{
    public static Task<AwardApplication?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<AwardApplication>(id, ct);

    public static async Task<ProblemDetails> ValidateAsync(AssignAssessor command, AwardApplication? application, IQuerySession session, CancellationToken ct)
    {
        if (application is null) return Problems.NotFound(ApplicationAccess.NotFound);
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview or ApplicationStatus.MoreEvidenceRequested))
            return Problems.Conflict($"The application is {ApplicationAccess.Camel(application.Status)}; an assessor is assigned once it is submitted and until it is decided.");
        var journey = await SettingJourneys.LoadAsync(session, application.SettingUrn, ct);
        var cohort = journey is null ? null : await session.LoadAsync<AwardsCohort>(journey.CohortId, ct);
        return cohort?.FacilitatorId is { } facilitator && facilitator == command.AssessorId.Trim()
            ? Problems.Conflict("Conflict of interest: the assessor facilitates the setting's cohort and cannot assess its application.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Assigns the application's assessor (admin): from then on they alone of the assessors see it and review it, and
    /// read the setting's self-assessments and action plan until it closes. The facilitator of the setting's cohort
    /// cannot be its assessor (409, conflict of interest).
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/awards/applications/{id}/assignment", OperationId = "AssignAwardAssessor")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Assign an assessor to an application")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public static (IResult, OutgoingMessages) Post(AssignAssessor command, AwardApplication application, IDocumentSession session,
        TimeProvider clock, HttpResponse response)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        var assessor = command.AssessorId.Trim();
        // The assessor replaced loses the setting's records; Assessment keys access by application, so the new assignment replaces it.
        application.AssessorId = assessor;
        if (application.Status == ApplicationStatus.Submitted) application.Status = ApplicationStatus.UnderReview;
        session.UpdateToNextRevision(application, response);
        messages.Add(new AssessorAssigned(application.Id, application.SettingUrn, assessor, now));
        return (TypedResults.Ok(ApplicationView.From(application, Eligibility.AwardCriteria.Current)), messages);
    }
}
