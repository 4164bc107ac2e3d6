using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Disclosure.Site;

/// <summary>Absolute URLs for the QR code, feeds and the sitemap.</summary>
/// <remarks>
/// Behind a reverse proxy the request's host may be internal, so offices set <c>Site:PublicUrl</c>
/// (e.g. <c>https://www.yongning.gov.cn</c>); without it the request's own scheme and host are used.
/// </remarks>
public sealed class PublicUrls(IOptions<PublicUrlOptions> options)
{
    public string Absolute(HttpRequest request, string path)
    {
        var root = string.IsNullOrWhiteSpace(options.Value.PublicUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.Value.PublicUrl.TrimEnd('/');
        return root + path;
    }
}

public sealed class PublicUrlOptions
{
    public string? PublicUrl { get; set; }
}
