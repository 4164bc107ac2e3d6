using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Disclosure.Supervision.Links;

/// <summary>
/// Requests another site's link, only when its host is allowed (<c>Supervision:LinkCheck:AllowedHosts</c>), and follows
/// redirects itself so that each hop is held to the same list: a redirect to a host not on it is never requested
/// (SSRF), and the link counts as not checked rather than broken. GET with headers only (some servers refuse HEAD),
/// no cookies, a timeout per request, and the per-host <see cref="HostGate"/>.
/// </summary>
public sealed class ExternalLinkProbe(IHttpClientFactory clients, IOptions<LinkCheckOptions> options) : IDisposable
{
    public const string HttpClientName = "Disclosure.Supervision.LinkCheck";

    private readonly HostGate _gate = new(options.Value.PerHostConcurrency, options.Value.PerHostDelay);

    private readonly SemaphoreSlim _inFlight = new(Math.Max(1, options.Value.Concurrency));

    public void Dispose() => _inFlight.Dispose();

    public bool IsAllowed(Uri url) => Allowed(options.Value.AllowedHosts, url);

    /// <summary>A host entry matches by name, or by name and port when it names one (<c>127.0.0.1:8080</c>).</summary>
    public static bool Allowed(IEnumerable<string> allowedHosts, Uri url) =>
        url.Scheme is "http" or "https"
        && allowedHosts.Select(h => h.Trim()).Any(entry =>
            entry.Equals(url.Host, StringComparison.OrdinalIgnoreCase)
            || entry.Equals(url.Authority, StringComparison.OrdinalIgnoreCase)
            || (url.HostNameType == UriHostNameType.IPv6 && entry.Equals($"[{url.IdnHost}]", StringComparison.OrdinalIgnoreCase)));

    public async Task<LinkVerdict> CheckAsync(string link, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var url) || !IsAllowed(url))
        {
            return LinkVerdict.NotChecked;
        }

        var settings = options.Value;
        var client = clients.CreateClient(HttpClientName);
        for (var hop = 0; hop <= settings.MaxRedirects; hop++)
        {
            HttpStatusCode status;
            Uri? location;
            await _inFlight.WaitAsync(cancellationToken);
            try
            {
                using var _ = await _gate.EnterAsync(url.Authority, cancellationToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.Timeout);
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.UserAgent.Add(new ProductInfoHeaderValue("DisclosureLinkCheck", "1.0"));
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                    status = response.StatusCode;
                    location = response.Headers.Location;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return LinkVerdict.Broken(LinkReasons.Timeout);
                }
                catch (HttpRequestException ex)
                {
                    return LinkVerdict.Broken(ex.InnerException is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData }
                        ? LinkReasons.NameNotResolved
                        : LinkReasons.Unreachable);
                }
            }
            finally
            {
                _inFlight.Release();
            }

            var code = (int)status;
            if (code is >= 300 and < 400 && code != 304)
            {
                if (location is null || !Uri.TryCreate(url, location, out var next) || next.Scheme is not ("http" or "https"))
                {
                    return LinkVerdict.Broken(LinkReasons.BadRedirect, code);
                }

                if (!IsAllowed(next))
                {
                    return LinkVerdict.NotChecked;
                }

                url = next;
                continue;
            }

            return code is >= 200 and < 400 ? LinkVerdict.Ok : LinkVerdict.Broken(LinkReasons.ForStatus(code), code);
        }

        return LinkVerdict.Broken(LinkReasons.TooManyRedirects);
    }
}
