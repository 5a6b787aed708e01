namespace Dsl.Curriculum.Elements;

public static class GetElementEndpoint
{
    public static Task<Element?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<Element>(code, ct);

    public static ProblemDetails Validate(Element? element, string code) =>
        element is null ? Problems.NotFound($"There is no curriculum element with code '{code}'.") : WolverineContinue.NoProblems;

    /// <summary>One element by its stable code, e.g. "leadership-and-management".</summary>
    [Authorize]
    [WolverineGet("/api/curriculum/elements/{code}", OperationId = "GetElement")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a curriculum element")]
    public static Element Get(Element element) => element;
}
