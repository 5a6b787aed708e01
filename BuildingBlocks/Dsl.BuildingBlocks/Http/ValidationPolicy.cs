using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// Runs the FluentValidation validator registered for an endpoint's request body (or its
/// [AsParameters] query type) before the endpoint, answering 400 validation problem details.
/// Wolverine's own FluentValidation packages are not served here, so this is the small equivalent.
/// </summary>
public sealed class ValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var validated = new[] { chain.RequestType, chain.ComplexQueryStringType, chain.AsParametersType }
                .Where(t => t is not null && t != typeof(void)).Distinct();
            foreach (var type in validated)
            {
                if (!container.RegistrationsFor(typeof(IValidator<>).MakeGenericType(type!)).Any()) continue;
                chain.Metadata.ProducesValidationProblem();
                var method = typeof(RequestValidation).GetMethod(nameof(RequestValidation.Validate))!
                    .MakeGenericMethod(type!);
                var call = new MethodCall(typeof(RequestValidation), method);
                chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
            }
        }
    }
}

public static class RequestValidation
{
    public static async Task<IResult> Validate<T>(IValidator<T> validator, T request, HttpContext context)
    {
        if (request is null)
            return Results.Problem(Problems.MalformedJson("The request needs a JSON body; it was empty or null."));
        var result = await validator.ValidateAsync(request, context.RequestAborted);
        if (result.IsValid) return WolverineContinue.Result();
        var errors = result.Errors
            .GroupBy(e => JsonFieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return Results.Problem(Problems.Validation(errors));
    }

    /// <summary>Validator property paths are C# names; clients see camelCase JSON names.</summary>
    public static string JsonFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
