using Wolverine.Persistence;

namespace Dsl.Curriculum.Resources;

public static class GetResourceEndpoint
{
    /// <summary>One resource by id, also when retired (so old links resolve, marked retired).</summary>
    [Authorize]
    [WolverineGet("/api/curriculum/resources/{id}", OperationId = "GetResource")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a course resource")]
    public static ResourceView Get([Entity("id")] Resource resource, HttpResponse response)
    {
        response.SetETag(resource.Version);
        return ResourceView.From(resource);
    }
}
