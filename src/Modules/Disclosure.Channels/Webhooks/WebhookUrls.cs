using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Disclosure.Channels.Webhooks;

/// <summary>
/// Which addresses a subscription may name. A subscription is registered by another system through the API, not by the
/// site's 管理员, so the site must not become a way to reach its own network (SSRF): the address must be https and
/// must not be the site itself or a private network — checked when the address is given (a literal IP, <c>localhost</c>)
/// and again at every connection, on the addresses the name resolves to then (a public name that resolves to
/// <c>10.x</c>, or changes to later). An installation whose apps' receivers sit on its own intranet (政务外网) turns this
/// off with <c>Channels:Webhooks:AllowPrivateSubscriptionAddresses</c>, which also admits http.
/// Configured endpoints (<c>Channels:Webhooks:Endpoints</c>) are the 管理员's and are not held to this.
/// </summary>
public static class WebhookUrls
{
    /// <summary>Why <paramref name="url"/> cannot be a subscription's address (zh-CN), or null when it can.</summary>
    public static string? Problem(string? url, bool allowPrivate, out Uri? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return "须填写推送地址（url）。";
        }

        if (url.Length > WebhookSubscriptionRules.UrlMaxLength)
        {
            return $"推送地址超过 {WebhookSubscriptionRules.UrlMaxLength} 个字符。";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            return $"推送地址“{url}”不是完整的 https 地址（例如 https://app.example.gov.cn/hooks/disclosure）。";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "推送地址不能包含用户名、密码或“#”片段；接收方以签名核验请求，无需在地址中带凭据。";
        }

        if (!allowPrivate)
        {
            if (uri.Scheme != "https")
            {
                return "推送地址须使用 https：推送内容与签名不应以明文传输。";
            }

            if (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(uri.IdnHost, out var address) && !IsPublic(address)))
            {
                return $"推送地址“{uri.Host}”是本机或内网地址，不予推送；接收方须有可从互联网访问的 https 地址。";
            }
        }

        parsed = uri;
        return null;
    }

    /// <summary>Whether an address is on the public internet: not loopback, private, link-local (cloud metadata), shared or multicast.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and < 128) // shared address space (CGNAT)
                || (b[0] == 169 && b[1] == 254) // link-local, the cloud metadata service
                || (b[0] == 172 && b[1] is >= 16 and < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19));
        }

        var bytes = address.GetAddressBytes();
        return !(address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (bytes[0] & 0xFE) == 0xFC); // unique local fc00::/7
    }

    /// <summary>
    /// The connection a subscription's POST is made on: the name is resolved here and only public addresses are dialled,
    /// so the check holds for the address actually used, not just the one seen when the subscription was made.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectPublicOnly(Func<bool> allowPrivate) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            var usable = allowPrivate() ? addresses : addresses.Where(IsPublic).ToArray();
            if (usable.Length == 0)
            {
                throw new HttpRequestException($"推送地址“{host}”解析为本机或内网地址，不予推送。");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
