using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dsl.BuildingBlocks.Http;

/// <summary>Strong ETags over a resource's numeric revision, and the If-Match check of optimistic updates.</summary>
public static class ETags
{
    public static string For(long revision) => $"\"{revision}\"";

    public static void SetETag(this HttpResponse response, long revision) =>
        response.Headers.ETag = For(revision);

    /// <summary>
    /// Writes a changed document as its next revision and answers with that revision's ETag. Marten rejects the
    /// write if another request moved the revision on meanwhile, so a race is a 412/409, never a lost update.
    /// </summary>
    public static void UpdateToNextRevision<T>(this IDocumentSession session, T document, HttpResponse response)
        where T : class, IRevisioned
    {
        var next = document.Version + 1;
        session.UpdateRevision(document, next);
        document.Version = next;
        response.SetETag(next);
    }

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
