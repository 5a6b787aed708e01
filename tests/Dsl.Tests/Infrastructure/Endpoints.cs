using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;

namespace Dsl.Tests.Infrastructure;

public static class Endpoints
{
    /// <summary>Every Wolverine HTTP endpoint the host serves, as Wolverine modelled it.</summary>
    public static IReadOnlyList<HttpChain> HttpChains(this DslApp app) =>
        app.Host.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .Select(e => e.Metadata.GetMetadata<HttpChain>())
            .OfType<HttpChain>()
            .Distinct()
            .ToList();
}
