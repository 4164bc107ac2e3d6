using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Contents;

/// <summary>Absolute URLs for the QR code, feeds, the sitemap and the canonical link.</summary>
/// <remarks>
/// The Host header is whatever the client sent, and these URLs end up in cached pages, feed readers and printed QR
/// codes, so it is never trusted on its own. The root is <c>Site:PublicUrl</c> when set (behind a reverse proxy the
/// request's host may be internal); otherwise the request's scheme and host, but only when that host is listed in
/// <c>Site:AllowedHosts</c> or the host's own <c>AllowedHosts</c> (when not <c>*</c>), or is this machine
/// (localhost, for development). Any other host gets the first allowed one, or localhost.
/// </remarks>
public sealed partial class PublicUrls
{
    private readonly PublicUrlOptions _options;
    private readonly string[] _allowedHosts;
    private readonly ILogger<PublicUrls> _logger;
    private int _warned;

    public PublicUrls(IOptions<PublicUrlOptions> options, IConfiguration configuration, ILogger<PublicUrls> logger)
    {
        _options = options.Value;
        _logger = logger;
        var hostFiltering = (configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h != "*");
        _allowedHosts = [.. (_options.AllowedHosts ?? []).Concat(hostFiltering).Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim())];
    }

    public string Absolute(HttpRequest request, string path) => Root(request) + path;

    private string Root(HttpRequest request)
    {
        // 集约化: an agency's host name resolved the request only because it is configured for that agency, so it is
        // trusted as that site's address; an agency's site by path is the installation's address plus /a/{code}.
        var agency = request.HttpContext?.RequestServices?.GetService<Sites.PublicAgency>();
        if (agency?.Source == Sites.PublicAgencySource.Host)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        if (!string.IsNullOrWhiteSpace(_options.PublicUrl))
        {
            return _options.PublicUrl.TrimEnd('/') + (agency?.Source == Sites.PublicAgencySource.Path ? $"/a/{Uri.EscapeDataString(agency.Code!)}" : string.Empty);
        }

        if (IsTrusted(request.Host.Host))
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogUntrustedHost(_logger, request.Host.Value);
        }

        var fallback = _allowedHosts.FirstOrDefault(h => !h.StartsWith("*.", StringComparison.Ordinal)) ?? "localhost";
        return $"{request.Scheme}://{fallback}{request.PathBase}";
    }

    private bool IsTrusted(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host is "127.0.0.1" or "[::1]")
        {
            return true;
        }

        foreach (var allowed in _allowedHosts)
        {
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
                : host.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host {Host} is not in Site:AllowedHosts and Site:PublicUrl is not set; public links use a configured host instead.")]
    private static partial void LogUntrustedHost(ILogger logger, string? host);
}

/// <summary>The <c>Site</c> settings that decide the public address.</summary>
public sealed class PublicUrlOptions
{
    public string? PublicUrl { get; set; }

    /// <summary>Host names (<c>www.example.gov.cn</c>, <c>*.example.gov.cn</c>) the site answers to under their own name.</summary>
    public string[]? AllowedHosts { get; set; }
}
