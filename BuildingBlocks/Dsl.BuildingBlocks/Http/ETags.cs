using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dsl.BuildingBlocks.Http;

/// <summary>Strong ETags over a resource's numeric revision, and the If-Match check of optimistic updates.</summary>
public static class ETags
{
    public static string For(long revision) => $"\"{revision}\"";

    public static void SetETag(this HttpResponse response, long revision) =>
        response.Headers.ETag = For(revision);

    /// <summary>Null when If-Match names the current revision; otherwise the 428/412 problem to answer.</summary>
    public static ProblemDetails? CheckIfMatch(string? ifMatch, long currentRevision)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
            return Problems.PreconditionRequired("Send If-Match with the ETag from your last read of this resource.");
        var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tags.Contains("*") || tags.Contains(For(currentRevision))) return null;
        return Problems.PreconditionFailed(
            $"If-Match {ifMatch} does not match the current ETag {For(currentRevision)}; read the resource again.");
    }
}
