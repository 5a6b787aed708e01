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

    /// <summary>Set on the request once its body went over the limit while being read.</summary>
    internal const string Exceeded = "dsl.body-limit-exceeded";

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
        // A body without Content-Length (chunked) is only found too large while it is read, often by code that
        // turns any read failure into a plain 400 (Wolverine's JSON reading does). Counting it here marks the
        // request, so the answer is still the 413 problem (ProblemCatalogue), on Kestrel and any other server.
        if (context.Request.ContentLength is null
            && context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false })
            context.Request.Body = new LimitedBody(context.Request.Body, limit, context);
        return next(context);
    }

    public static ProblemDetails TooLarge(long? limit) => Problems.Of(Problems.Types.PayloadTooLarge,
        limit is null ? "The request body is larger than this endpoint accepts."
            : $"The request body is larger than this endpoint accepts ({limit} bytes).");

    private sealed class LimitedBody(Stream inner, long limit, HttpContext context) : Stream
    {
        private long _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, ct));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                context.Items[Exceeded] = true;
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        private int Count(int read)
        {
            _read += read;
            if (_read <= limit) return read;
            context.Items[Exceeded] = true;
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
