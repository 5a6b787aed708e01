namespace Dsl.Enrolment.Settings;

public static class GetSettingEndpoint
{
    public static Task<Setting?> LoadAsync(string urn, IQuerySession session, CancellationToken ct) =>
        Urns.IsValid(urn) ? session.LoadAsync<Setting>(urn, ct) : Task.FromResult<Setting?>(null);

    public static ProblemDetails Validate(Setting? setting, string urn) =>
        setting is null ? Problems.NotFound($"There is no setting with URN '{urn}'.") : WolverineContinue.NoProblems;

    /// <summary>One setting by URN. The ETag is what a later PATCH sends as If-Match.</summary>
    [Authorize]
    [WolverineGet("/api/settings/{urn}", OperationId = "GetSetting")]
    [Tags(ApiTags.Settings)]
    [EndpointSummary("Get a setting")]
    public static Setting Get(Setting setting, HttpResponse response)
    {
        response.SetETag(setting.Version);
        return setting;
    }
}
