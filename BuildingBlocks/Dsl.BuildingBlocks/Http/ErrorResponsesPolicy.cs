using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// Declares in OpenAPI the problem responses every endpoint can give by convention, so front-end
/// teams see 401/403/404/409/412/413/422/500/503 without each slice repeating them.
/// </summary>
public sealed class ErrorResponsesPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var method = chain.HttpMethods.FirstOrDefault() ?? "GET";
            var secured = !chain.Method.HandlerType.GetCustomAttributes(typeof(IAllowAnonymous), true).Any()
                          && !chain.Method.Method.GetCustomAttributes(typeof(IAllowAnonymous), true).Any();
            if (secured)
            {
                chain.Metadata.ProducesProblem(StatusCodes.Status401Unauthorized);
                chain.Metadata.ProducesProblem(StatusCodes.Status403Forbidden);
            }
            if (chain.RoutePattern?.Parameters.Count > 0)
                chain.Metadata.ProducesProblem(StatusCodes.Status404NotFound);
            if (method is "POST" or "PATCH" or "PUT")
            {
                chain.Metadata.ProducesValidationProblem();
                chain.Metadata.ProducesProblem(StatusCodes.Status409Conflict);
                chain.Metadata.ProducesProblem(StatusCodes.Status413PayloadTooLarge);
            }
            if (method == "POST")
                chain.Metadata.ProducesProblem(StatusCodes.Status422UnprocessableEntity);
            if (method is "PATCH" or "PUT")
            {
                chain.Metadata.ProducesProblem(StatusCodes.Status412PreconditionFailed);
                chain.Metadata.ProducesProblem(StatusCodes.Status428PreconditionRequired);
            }
            chain.Metadata.ProducesProblem(StatusCodes.Status500InternalServerError);
            chain.Metadata.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }
    }
}
