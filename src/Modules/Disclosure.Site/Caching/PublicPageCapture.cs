using System.Buffers;
using Disclosure.Site.Preferences;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Site.Caching;

/// <summary>
/// The slow half of the public page cache, after authentication: gives every anonymous public response its
/// validators (answering 304 when they match), and keeps what a GET rendered — body, headers and its Brotli and gzip
/// variants — in <see cref="PublicPageCache"/> under the key <see cref="AnonymousFastPath"/> chose.
/// </summary>
public sealed class PublicPageCapture(RequestDelegate next, PublicContentVersion version, PublicPageCache cache, IOptions<PublicCacheOptions> options)
{
    // Pages, feeds and API lists are far smaller; attachments and exports are streamed and not worth memory.
    private const int MaximumBodyBytes = 1024 * 1024;

    // Set per response by Kestrel or by the fast path (the length and coding of the variant it sends), or never
    // repeated to another visitor. The validators, Cache-Control and Vary are kept: they are the page's own.
    private static readonly HashSet<string> PerResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.SetCookie,
        HeaderNames.ContentEncoding,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        // Authentication has run: a signed-in user or an API client is never given a cached page or a validator.
        if (!options.Value.Enabled || !PublicPaths.IsCacheable(context))
        {
            await next(context);
            return;
        }

        // The validators of the version the fast path made its key from, so a page is never kept under a key older
        // or newer than what it says.
        var feature = context.Features.Get<PublicPageFeature>();
        var snapshot = feature?.Version ?? await version.GetAsync(context.RequestAborted);
        var validators = PublicValidators.For(version, snapshot, ReaderPreferences.From(context).CssClasses, PublicPaths.SiteKey(context));
        var response = context.Response;
        validators.WriteTo(response);
        if (validators.IsNotModified(context.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        if (feature is null || !HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = response.Body;
        await using var tee = new TeeStream(original, MaximumBodyBytes, () => cache.Finish(feature.Key, null));
        response.Body = tee;
        response.OnStarting(() =>
        {
            feature.Claimed = KeepableHeaders(response);
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (Keepable(response, tee))
        {
            feature.Page = Prepare(response, tee.Captured.WrittenSpan.ToArray(), validators);
            cache.Set(feature.Key, feature.Page);
        }
    }

    // A plain success, or a 404/410 page with a body (an empty one is drawn by the error pages further out); no
    // cookie; the caching rules as set here (a page that set its own is not kept); nothing compressed already.
    private static bool Keepable(HttpResponse response, TeeStream tee) =>
        response.HasStarted && !tee.Overflowed && KeepableHeaders(response)
        && (response.StatusCode == StatusCodes.Status200OK || tee.Captured.WrittenCount > 0);

    private static bool KeepableHeaders(HttpResponse response) =>
        response.StatusCode is (StatusCodes.Status200OK or StatusCodes.Status404NotFound or StatusCodes.Status410Gone)
        && StringValues.IsNullOrEmpty(response.Headers.SetCookie)
        && response.Headers.CacheControl == PublicValidators.CacheControl
        && StringValues.IsNullOrEmpty(response.Headers.ContentEncoding);

    private static CachedPage Prepare(HttpResponse response, byte[] body, PublicValidators validators)
    {
        var headers = new List<KeyValuePair<string, StringValues>>();
        foreach (var header in response.Headers)
        {
            if (!PerResponseHeaders.Contains(header.Key))
            {
                headers.Add(header);
            }
        }

        var compress = ContentCodings.IsCompressible(response.ContentType);
        return new CachedPage
        {
            StatusCode = response.StatusCode,
            Headers = [.. headers],
            Body = body,
            Brotli = compress ? ContentCodings.Brotli(body) : null,
            Gzip = compress ? ContentCodings.Gzip(body) : null,
            Validators = validators,
        };
    }

    /// <summary>Passes the body through and keeps a copy of it, up to a limit; past it, tells <paramref name="overflowed"/> once.</summary>
    private sealed class TeeStream(Stream inner, int limit, Action overflowed) : Stream
    {
        public ArrayBufferWriter<byte> Captured { get; } = new();

        public bool Overflowed { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            if (Overflowed)
            {
                return;
            }

            if (Captured.WrittenCount + buffer.Length > limit)
            {
                Overflowed = true;
                Captured.Clear();
                overflowed();
                return;
            }

            Captured.Write(buffer);
        }
    }
}
