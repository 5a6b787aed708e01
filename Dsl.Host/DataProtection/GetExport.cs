using System.Text.Json.Nodes;

namespace Dsl.Host.DataProtection;

public static class GetExportEndpoint
{
    public static Task<DataProtectionRequest?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<DataProtectionRequest>(id, ct);

    public static ProblemDetails Validate(DataProtectionRequest? request, Guid id) => request switch
    {
        null or { Kind: not RequestKind.Export } => GetDataProtectionRequestEndpoint.NotFound(id),
        { ExpiredAt: not null } => Problems.NotFound($"Export {id} expired and was deleted; ask for a new one."),
        { CompletedAt: null } => Problems.Conflict($"Export {id} is not ready: not every module has answered yet."),
        _ => WolverineContinue.NoProblems,
    };

    /// <summary>
    /// Everything held about the lead, as one JSON document grouped by module (admin), once every module has answered and
    /// until the export expires. Sent with Cache-Control: no-store.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverineGet("/api/data-protection/requests/{id}/export", OperationId = "GetLeadExport")]
    [Tags(ApiTags.DataProtection)]
    [EndpointSummary("Download a lead's export")]
    [ProducesResponseType<object>(StatusCodes.Status200OK, "application/json")]
    public static async Task<IResult> Get(DataProtectionRequest request, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var answers = await session.Query<ModuleAnswer>().Where(a => a.RequestId == request.Id).ToListAsync(ct);
        var modules = new JsonObject();
        foreach (var answer in answers.OrderBy(a => a.Module, StringComparer.Ordinal))
            modules[answer.Module] = JsonNode.Parse(answer.Data ?? "{}");
        response.Headers.CacheControl = "no-store";
        return Results.Json(new JsonObject
        {
            ["requestId"] = request.Id, ["enrolmentId"] = request.EnrolmentId, ["requestedAt"] = request.RequestedAt,
            ["completedAt"] = request.CompletedAt, ["expiresAt"] = request.ExpiresAt, ["modules"] = modules,
        });
    }
}
