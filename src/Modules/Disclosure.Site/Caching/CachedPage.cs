using Microsoft.Extensions.Primitives;

namespace Disclosure.Site.Caching;

/// <summary>
/// A public response as the anonymous fast path sends it again: status, headers and body, the body also compressed
/// with Brotli and gzip when that makes it smaller, and its validators, all prepared once when it was rendered.
/// </summary>
public sealed class CachedPage
{
    public required int StatusCode { get; init; }

    /// <summary>The response headers to repeat (Content-Type and what the page set), without per-response ones.</summary>
    public required KeyValuePair<string, StringValues>[] Headers { get; init; }

    public required byte[] Body { get; init; }

    public byte[]? Brotli { get; init; }

    public byte[]? Gzip { get; init; }

    public required PublicValidators Validators { get; init; }

    /// <summary>What it holds in memory, roughly: the three bodies and a little for the rest.</summary>
    public long Size => Body.Length + (Brotli?.Length ?? 0) + (Gzip?.Length ?? 0) + 512;

    public byte[] Variant(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => Brotli!,
        ContentCoding.Gzip => Gzip!,
        _ => Body,
    };
}
