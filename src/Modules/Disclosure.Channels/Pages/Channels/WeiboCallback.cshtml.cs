using Disclosure.Channels.Weibo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Channels.Pages.Channels;

/// <summary>
/// Where the Weibo platform sends the browser back after 授权 (<see cref="WeiboAuthorisation.CallbackPath"/>). Open
/// to anonymous requests on purpose: the navigation comes from the platform's site, so the admin's SameSite=Strict
/// sign-in cookie is not sent with it. It acts only on the sealed state cookie that 授权 set (see
/// <see cref="WeiboAuthorisation"/>), and then links the account that cookie names.
/// </summary>
[AllowAnonymous]
public sealed class WeiboCallbackModel(WeiboAuthorisation authorisation) : PageModel
{
    public string? Error { get; private set; }

    public string? Linked { get; private set; }

    public async Task OnGetAsync(string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        try
        {
            var (account, link) = await authorisation.CompleteAsync(HttpContext, code, state, error, cancellationToken);
            Linked = $"政务微博“{account.Label}”已授权（微博 uid {link.Uid}），有效期至 {Core.Time.ChinaTime.ToLocal(link.ExpiresUtc):yyyy-MM-dd HH:mm}。";
        }
        catch (WeiboLinkException ex)
        {
            Error = ex.Message;
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
        }
    }
}
