namespace Dsl.Host.DataProtection;

/// <summary>One module's progress on a request: whether it answered, when, and what kinds of data it erased.</summary>
public sealed record ModuleProgress(string Module, bool Completed, DateTimeOffset? AnsweredAt, IReadOnlyList<string> Kinds);

/// <summary>
/// An erasure or export request: completed once every module has answered. An export is downloadable at exportUrl
/// from then until expiresAt.
/// </summary>
public sealed record DataProtectionRequestView(Guid Id, RequestKind Kind, Guid EnrolmentId, string Status, DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt, DateTimeOffset? ExpiresAt, string? ExportUrl, IReadOnlyList<ModuleProgress> Modules);

public static class GetDataProtectionRequestEndpoint
{
    public static Task<DataProtectionRequest?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<DataProtectionRequest>(id, ct);

    public static ProblemDetails Validate(DataProtectionRequest? request, Guid id) =>
        request is null ? NotFound(id) : WolverineContinue.NoProblems;

    public static ProblemDetails NotFound(Guid id) => Problems.NotFound($"There is no data-protection request {id}.");

    /// <summary>
    /// An erasure or export request with every module's progress (admin): status requested until all modules have
    /// answered, then completed (an export: expired once deleted).
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverineGet("/api/data-protection/requests/{id}", OperationId = "GetDataProtectionRequest")]
    [Tags(ApiTags.DataProtection)]
    [EndpointSummary("Get a data-protection request")]
    public static async Task<DataProtectionRequestView> Get(DataProtectionRequest request, IQuerySession session,
        DataProtectionRegistry registry, CancellationToken ct)
    {
        var answers = (await session.Query<ModuleAnswer>().Where(a => a.RequestId == request.Id).ToListAsync(ct))
            .ToDictionary(a => a.Module);
        var modules = registry.Modules.Select(m => answers.TryGetValue(m, out var a)
            ? new ModuleProgress(m, true, a.AnsweredAt, a.Kinds)
            : new ModuleProgress(m, false, null, [])).ToList();
        var status = request.ExpiredAt is not null ? "expired" : request.CompletedAt is not null ? "completed" : "requested";
        return new DataProtectionRequestView(request.Id, request.Kind, request.EnrolmentId, status, request.RequestedAt,
            request.CompletedAt, request.ExpiresAt,
            request.Kind == RequestKind.Export ? $"/api/data-protection/requests/{request.Id}/export" : null, modules);
    }
}
