using Dsl.Awards.Eligibility;

namespace Dsl.Awards.Applications;

public static class WithdrawApplicationEndpoint
{
    public static Task<AwardApplication?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<AwardApplication>(id, ct);

    public static ProblemDetails Validate(AwardApplication? application, ClaimsPrincipal user)
    {
        if (ApplicationAccess.CheckWriter(user, application) is { Status: not null } hidden) return hidden;
        return application!.IsOpen ? WolverineContinue.NoProblems : Problems.Conflict($"The application is already {ApplicationAccess.Camel(application.Status)}.");
    }

    /// <summary>Withdraws an open application (the setting's head or lead); its assessor's access to the setting's records ends.</summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverinePost("/api/awards/applications/{id}/withdrawal", OperationId = "WithdrawAwardApplication")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Withdraw an award application")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public static (IResult, OutgoingMessages) Post([NotBody] AwardApplication application, IDocumentSession session, TimeProvider clock, HttpResponse response)
    {
        var now = clock.GetUtcNow();
        application.Status = ApplicationStatus.Withdrawn;
        application.DecidedAt = now;
        session.UpdateToNextRevision(application, response);
        var messages = new OutgoingMessages();
        if (application.AssessorId is not null) messages.Add(new ApplicationClosed(application.Id, application.SettingUrn, application.AssessorId, now));
        return (TypedResults.Ok(ApplicationView.From(application, AwardCriteria.Current)), messages);
    }
}
