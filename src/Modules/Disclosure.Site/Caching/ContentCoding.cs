using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Site.Caching;

/// <summary>The content codings a cached page is kept in (RFC 9110 §8.4), and which one a request accepts.</summary>
public enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}

/// <summary>Compresses a page once when it is cached, and picks the variant for each request's Accept-Encoding.</summary>
public static class ContentCodings
{
    // Brotli 6 and gzip 6 take well under a millisecond for a page of tens of kilobytes and get most of what the
    // slowest levels would: the work is done once per page and change, on the request that renders it.
    private const int BrotliQuality = 6;
    private const int BrotliWindow = 22;

    // Browsers send a handful of distinct headers ("gzip, deflate, br, zstd"), each parsed once; a client sending
    // endless variations only fills the table to its limit and is parsed every time after that.
    private const int RememberedHeaders = 256;
    private static readonly ConcurrentDictionary<string, (bool Brotli, bool Gzip)> Remembered = new(StringComparer.Ordinal);

    public static string? Name(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => "br",
        ContentCoding.Gzip => "gzip",
        _ => null,
    };

    /// <summary>Whether a response of this media type is worth compressing (text, JSON, XML, JavaScript).</summary>
    public static bool IsCompressible(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }

        mediaType = mediaType.Trim();
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);
    }

    public static byte[]? Brotli(ReadOnlySpan<byte> body)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
        return BrotliEncoder.TryCompress(body, buffer, out var written, BrotliQuality, BrotliWindow) && written < body.Length
            ? buffer[..written]
            : null;
    }

    public static byte[]? Gzip(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream(body.Length / 3 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.Length < body.Length ? output.ToArray() : null;
    }

    /// <summary>
    /// The best coding among those available that Accept-Encoding allows: br, then gzip, then the bytes as they are.
    /// A coding listed with q=0 is refused; <c>*</c> stands for every coding not listed. No header means identity.
    /// </summary>
    public static ContentCoding Choose(StringValues acceptEncoding, bool brotliAvailable, bool gzipAvailable)
    {
        if (acceptEncoding.Count == 0 || !(brotliAvailable || gzipAvailable))
        {
            return ContentCoding.Identity;
        }

        var accepted = acceptEncoding.Count == 1 ? Accepted(acceptEncoding.ToString()) : Parse(acceptEncoding);
        if (brotliAvailable && accepted.Brotli)
        {
            return ContentCoding.Brotli;
        }

        return gzipAvailable && accepted.Gzip ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    private static (bool Brotli, bool Gzip) Accepted(string header)
    {
        if (Remembered.TryGetValue(header, out var accepted))
        {
            return accepted;
        }

        accepted = Parse(header);
        if (Remembered.Count < RememberedHeaders)
        {
            Remembered.TryAdd(header, accepted);
        }

        return accepted;
    }

    private static (bool Brotli, bool Gzip) Parse(StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var ranges))
        {
            return (false, false);
        }

        bool? brotli = null, gzip = null, any = null;
        foreach (var range in ranges)
        {
            var accepted = range.Quality is not { } quality || quality > 0;
            if (range.Value.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                brotli = accepted;
            }
            else if (range.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || range.Value.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = accepted;
            }
            else if (range.Value.Equals("*", StringComparison.Ordinal))
            {
                any = accepted;
            }
        }

        return (brotli ?? any ?? false, gzip ?? any ?? false);
    }
}
