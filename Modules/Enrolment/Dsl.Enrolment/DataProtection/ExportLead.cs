using Dsl.Enrolment.Enrolments;

namespace Dsl.Enrolment.DataProtection;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

public static class ExportLeadEndpoint
{
    public static Task<Enrolment?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<Enrolment>(id, ct);

    public static ProblemDetails Validate(Enrolment? enrolment, Guid id) =>
        enrolment is null ? EnrolmentAccess.NotFound(id) : WolverineContinue.NoProblems;

    /// <summary>
    /// Asks every module for what it holds about the enrolment's lead (a subject access request, admin). 202 with the
    /// request at <c>/api/data-protection/requests/{requestId}</c>; once every module has answered, the export is at
    /// <c>…/export</c> until it expires.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/enrolments/{id}/lead/export", OperationId = "ExportLead")]
    [Tags(ApiTags.DataProtection)]
    [EndpointSummary("Export everything held about a lead")]
    [ProducesResponseType<DataProtectionRequestAccepted>(StatusCodes.Status202Accepted)]
    public static (IResult, LeadExportRequested) Post([NotBody] Enrolment enrolment, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var requestId = Guid.CreateVersion7(now);
        return (Results.Accepted($"/api/data-protection/requests/{requestId}",
                new DataProtectionRequestAccepted(requestId, enrolment.Id, "export", "requested")),
            new LeadExportRequested(requestId, enrolment.Id, now));
    }
}
