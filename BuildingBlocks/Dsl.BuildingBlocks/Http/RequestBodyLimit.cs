using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// Enforces the request body limit (1 MiB unless an endpoint declares its own with
/// [RequestSizeLimit]) and answers 413 problem details rather than a bare connection error.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    public const long DefaultLimit = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                    ?? DefaultLimit;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Results.Problem(TooLarge(limit)).ExecuteAsync(context);
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        return next(context);
    }

    public static ProblemDetails TooLarge(long? limit) => Problems.Create(StatusCodes.Status413PayloadTooLarge,
        "payload-too-large", "Request body too large",
        limit is null ? "The request body is larger than this endpoint accepts."
            : $"The request body is larger than this endpoint accepts ({limit} bytes).");
}
