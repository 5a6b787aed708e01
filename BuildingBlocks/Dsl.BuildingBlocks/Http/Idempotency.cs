using System.Security.Claims;
using System.Security.Cryptography;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Dsl.BuildingBlocks.Http;

/// <summary>A creating POST's first successful response, kept so a retry with the same key replays it.</summary>
public sealed class IdempotencyRecord
{
    public string Id { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public Dictionary<string, string> Headers { get; set; } = [];
    public byte[] Body { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Which request holds a running key, so a takeover removes only the attempt it found abandoned.</summary>
    public Guid Attempt { get; set; }
}

/// <summary>
/// Honours the Idempotency-Key header on POSTs: the key is scoped to the caller and route; the
/// same key and body replays the stored response, the same key with another body is a 422, and a
/// key whose first request is still running is a 409. Only 2xx responses are kept, so a retry
/// after a validation error or a crash is processed afresh. Nor is a response marked <c>Cache-Control: no-store</c>
/// (one that shows a secret once, such as a private calendar address): its retry is processed afresh too.
/// A first request that never finished (its node died, or the database went away before it could record the
/// outcome) leaves its key "running"; after <c>Dsl:Idempotency:AbandonedAfter</c> a retry takes the key over.
/// </summary>
public sealed class Idempotency(RequestDelegate next, IDocumentStore store, TimeProvider clock,
    IConfiguration configuration, ILogger<Idempotency> logger)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private readonly TimeSpan _abandonedAfter = configuration.GetValue("Dsl:Idempotency:AbandonedAfter", TimeSpan.FromSeconds(30));
    private static readonly string[] ReplayedHeaders = ["Location", "ETag"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) ||
            !context.Request.Headers.TryGetValue(Header, out var keyValues) || StringValues.IsNullOrEmpty(keyValues))
        {
            await next(context);
            return;
        }

        var key = keyValues.ToString();
        if (key.Length > 255)
        {
            await Write(context, Problems.Invalid(Header, "The Idempotency-Key header must be at most 255 characters."));
            return;
        }

        context.Request.EnableBuffering();
        var hash = await HashRequest(context);
        var caller = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.FindFirstValue("sub") ?? "anonymous";
        var id = $"{caller}|{context.Request.Path}|{key}";

        await using (var session = store.LightweightSession())
        {
            var existing = await session.LoadAsync<IdempotencyRecord>(id, context.RequestAborted);
            if (existing is not null && clock.GetUtcNow() - existing.CreatedAt > Retention)
            {
                session.Delete(existing);
                await session.SaveChangesAsync(context.RequestAborted);
                existing = null;
            }
            if (existing is { Completed: false } && existing.RequestHash == hash && clock.GetUtcNow() - existing.CreatedAt > _abandonedAfter)
            {
                // Only if it is still the same abandoned attempt: of two retries taking it over at once, the
                // second finds nothing to delete and its insert below collides with the first's.
                var abandoned = existing.Attempt;
                session.DeleteWhere<IdempotencyRecord>(r => r.Id == id && !r.Completed && r.Attempt == abandoned);
                existing = null;
            }
            if (existing is not null)
            {
                await Answer(context, existing, hash);
                return;
            }
            session.Insert(new IdempotencyRecord { Id = id, RequestHash = hash, CreatedAt = clock.GetUtcNow(), Attempt = Guid.NewGuid() });
            try
            {
                await session.SaveChangesAsync(context.RequestAborted);
            }
            catch (DocumentAlreadyExistsException)
            {
                await using var again = store.QuerySession();
                var winner = await again.LoadAsync<IdempotencyRecord>(id, context.RequestAborted);
                await Answer(context, winner!, hash);
                return;
            }
        }

        var originalBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var succeeded = false;
        try
        {
            await next(context);
            succeeded = context.Response.StatusCode is >= 200 and < 300
                        && !context.Response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            context.Response.Body = originalBody;
            await using var session = store.LightweightSession();
            if (succeeded)
            {
                session.Store(new IdempotencyRecord
                {
                    Id = id, RequestHash = hash, Completed = true, CreatedAt = clock.GetUtcNow(),
                    StatusCode = context.Response.StatusCode, ContentType = context.Response.ContentType,
                    Headers = ReplayedHeaders.Where(h => context.Response.Headers.ContainsKey(h))
                        .ToDictionary(h => h, h => context.Response.Headers[h].ToString()),
                    Body = buffer.ToArray(),
                });
            }
            else
            {
                session.Delete<IdempotencyRecord>(id);
            }
            try
            {
                await session.SaveChangesAsync(CancellationToken.None);
            }
            // The database went away after the operation itself committed: the client still gets its answer, and the
            // key stays "running" until it counts as abandoned (a retry is then processed afresh, and the
            // operation's own rules, such as one active enrolment per setting, stop a duplicate).
            catch (Exception e) when (succeeded && DatabaseUnavailable.Is(e))
            {
                logger.LogWarning("The outcome of {Path} could not be kept for Idempotency-Key replay: the database is unreachable", context.Request.Path);
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(originalBody, CancellationToken.None);
        }
    }

    private static async Task Answer(HttpContext context, IdempotencyRecord record, string hash)
    {
        if (record.RequestHash != hash)
        {
            context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await Write(context, Problems.Of(Problems.Types.IdempotencyKeyReused,
                "This Idempotency-Key was already used with a different request body."));
            return;
        }
        if (!record.Completed)
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            await Write(context, Problems.Conflict("A request with this Idempotency-Key is still being processed; retry shortly."));
            return;
        }
        context.Response.StatusCode = record.StatusCode;
        if (record.ContentType is not null) context.Response.ContentType = record.ContentType;
        foreach (var (name, value) in record.Headers) context.Response.Headers[name] = value;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(record.Body, context.RequestAborted);
    }

    private static async Task<string> HashRequest(HttpContext context)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(context.Request.Path + "?" + context.Request.QueryString + "\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            sha.AppendData(chunk, 0, read);
        context.Request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static Task Write(HttpContext context, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? 400;
        return Results.Problem(problem).ExecuteAsync(context);
    }
}
