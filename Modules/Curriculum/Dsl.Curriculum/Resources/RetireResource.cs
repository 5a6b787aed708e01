using Wolverine.Persistence;

namespace Dsl.Curriculum.Resources;

public static class RetireResourceEndpoint
{
    /// <summary>
    /// Retires a resource (admin; requires If-Match): it leaves the lists, but GET on its address keeps answering
    /// (showing it retired) for links already shared. Retiring a retired resource changes nothing.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/curriculum/resources/{id}/retire", OperationId = "RetireResource")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Retire a course resource")]
    [ProducesResponseType<ResourceView>(StatusCodes.Status200OK)]
    public static IResult Post([Entity("id")] Resource resource, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, TimeProvider clock, HttpResponse response)
    {
        if (ETags.CheckIfMatch(ifMatch, resource.Version) is { } stale) return Results.Problem(stale);
        if (resource.Retired)
        {
            response.SetETag(resource.Version);
            return TypedResults.Ok(ResourceView.From(resource));
        }
        resource.RetiredAt = clock.GetUtcNow();
        session.UpdateToNextRevision(resource, response);
        return TypedResults.Ok(ResourceView.From(resource));
    }
}
