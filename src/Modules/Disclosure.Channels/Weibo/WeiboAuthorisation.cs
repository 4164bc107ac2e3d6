using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Weibo;

/// <summary>
/// Links an account (账号授权) by the platform's authorisation-code flow: 授权 in the admin sends the browser to
/// <c>/oauth2/authorize</c>; the platform sends it back to <see cref="CallbackPath"/> with <c>code</c> and our
/// <c>state</c>; the code is exchanged at <c>/oauth2/access_token</c> and the token stored for every node
/// (<see cref="WeiboLinkStore"/>).
/// <para>
/// The <c>state</c> is a random value also kept in a cookie sealed with the data protection keys, together with the
/// account, the person who clicked 授权 and their address, valid 10 minutes, bound to the callback's path. The
/// callback acts only when the two agree, so nobody can make the site store a token they obtained (a forged
/// callback), and nobody can replay one. The cookie is <c>SameSite=Lax</c>, because the callback is a navigation from
/// the platform's site, on which the admin's own <c>SameSite=Strict</c> sign-in cookie is not sent: the callback
/// page needs no sign-in — the sealed cookie says who started the link, and only the 公开办 or a 管理员 can start one.
/// </para>
/// </summary>
public sealed class WeiboAuthorisation(
    IOptions<WeiboOptions> options,
    WeiboClient client,
    WeiboLinkStore links,
    IDataProtectionProvider protection,
    TimeProvider clock)
{
    public const string CallbackPath = "/channels/weibo/callback";

    public const string StateCookie = "disclosure.weibo-state";

    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Disclosure.Channels.Weibo.State").ToTimeLimitedDataProtector();

    /// <summary>The address the platform sends the browser back to.</summary>
    public string RedirectUri(HttpRequest request) =>
        string.IsNullOrWhiteSpace(options.Value.RedirectUri) ? $"{request.Scheme}://{request.Host}{request.PathBase}{CallbackPath}" : options.Value.RedirectUri.Trim();

    /// <summary>Starts linking <paramref name="account"/>: sets the state cookie and returns the platform's authorisation page.</summary>
    public string Start(HttpContext http, WeiboAccount account, string userName)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var pending = new PendingLink(state, account.Target, userName, http.Connection.RemoteIpAddress?.ToString());
        http.Response.Cookies.Append(StateCookie, Protector.Protect(JsonSerializer.Serialize(pending), clock.GetUtcNow() + StateLifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = CallbackPath,
            MaxAge = StateLifetime,
            IsEssential = true,
        });
        var settings = options.Value;
        return $"{settings.BaseUrl.TrimEnd('/')}/oauth2/authorize?client_id={Uri.EscapeDataString(settings.AppKey!.Trim())}"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri(http.Request))}&response_type=code&state={state}"
            // The browser may be signed in to someone's personal Weibo: ask for the official account's login.
            + "&forcelogin=true";
    }

    /// <summary>
    /// Finishes the link from the callback's <paramref name="code"/> and <paramref name="state"/> (or the platform's
    /// <paramref name="error"/>); the state cookie is spent either way.
    /// </summary>
    /// <exception cref="WeiboLinkException">With the zh-CN reason, when nothing was stored.</exception>
    public async Task<(WeiboAccount Account, WeiboLink Link)> CompleteAsync(HttpContext http, string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        var cookie = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = CallbackPath, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax });
        PendingLink? pending = null;
        if (cookie is not null)
        {
            try
            {
                pending = JsonSerializer.Deserialize<PendingLink>(Protector.Unprotect(cookie));
            }
            catch (CryptographicException)
            {
                pending = null; // expired, altered, or sealed with other keys
            }
        }

        if (pending is null || state is null || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(pending.State), System.Text.Encoding.ASCII.GetBytes(state)))
        {
            throw new WeiboLinkException("授权请求无效或已超过 10 分钟：请回到“发布渠道—政务微博”重新点击“授权”（须在同一浏览器中完成）。");
        }

        if (options.Value.Find(pending.Target) is not { } account)
        {
            throw new WeiboLinkException("该微博账号已不在站点配置（Channels:Weibo）中。");
        }

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            throw new WeiboLinkException(error == "access_denied" ? "微博账号拒绝了授权，未作更改。" : $"微博平台未完成授权（{error ?? "未返回授权码"}），未作更改。");
        }

        var settings = options.Value;
        System.Text.Json.Nodes.JsonObject answer;
        try
        {
            answer = await client.PostFormAsync(WeiboClient.AccessTokenPath,
            [
                new("client_id", settings.AppKey!.Trim()),
                new("client_secret", settings.AppSecret!.Trim()),
                new("grant_type", "authorization_code"),
                new("code", code),
                new("redirect_uri", RedirectUri(http.Request)),
            ], cancellationToken);
        }
        catch (WeiboApiException ex)
        {
            throw new WeiboLinkException($"换取授权失败：{ex.Meaning.Message}");
        }
        catch (WeiboTransportException ex)
        {
            throw new WeiboLinkException($"换取授权失败：{ex.Message}请稍后重新授权。");
        }

        var token = answer["access_token"]?.ToString();
        var uid = answer["uid"]?.ToString();
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(uid)
            || !long.TryParse(answer["expires_in"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var expiresIn))
        {
            throw new WeiboLinkException("微博平台的应答缺少 access_token、uid 或 expires_in，未作更改。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var link = new WeiboLink(token, uid, now.AddSeconds(expiresIn), pending.UserName, now, pending.Ip);
        await links.SaveAsync(account, link, cancellationToken);
        return (account, link);
    }

    private sealed record PendingLink(string State, string Target, string UserName, string? Ip);
}

/// <summary>Linking an account did not complete; the message is for the person who tried.</summary>
public sealed class WeiboLinkException(string message) : Exception(message);
