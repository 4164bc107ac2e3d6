using Disclosure.Admin;
using Disclosure.Channels.Weibo;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Pages.Admin.Outbox;

/// <summary>
/// 政务微博 (<c>/admin/outbox/weibo</c>): each configured account with the agencies it posts for, whether it is
/// linked, by whom and until when, and 授权 — which sends the browser to the platform (see <see cref="WeiboAuthorisation"/>).
/// The 公开办 and 管理员 only (<see cref="ChannelsAdmin.Policy"/>); staff of an agency see its account only.
/// </summary>
[Authorize(Policy = ChannelsAdmin.Policy)]
public sealed class WeiboModel(WeiboAccounts accounts, WeiboAuthorisation authorisation, IOptions<WeiboOptions> options) : PageModel
{
    public IReadOnlyList<WeiboAccountState> Accounts { get; private set; } = [];

    public bool IsConfigured => accounts.IsConfigured;

    public string RedirectUri => authorisation.RedirectUri(Request);

    public string? Error { get; private set; }

    /// <summary>After 授权: the platform's authorisation page for <see cref="Authorising"/>, as a link to follow.</summary>
    public string? AuthoriseUrl { get; private set; }

    public WeiboAccount? Authorising { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await accounts.ListAsync(User.ToActor(), cancellationToken);

    /// <summary>
    /// 授权: prepares the link for the account (one this user may manage) and offers the platform's authorisation page
    /// as a link. Not a redirect: the admin's Content-Security-Policy (<c>form-action 'self'</c>) forbids a form
    /// submission from ending on another site, and rightly so; following a link is the person's own navigation.
    /// </summary>
    public async Task<IActionResult> OnPostAuthoriseAsync(string? target, CancellationToken cancellationToken)
    {
        Accounts = await accounts.ListAsync(User.ToActor(), cancellationToken);
        var account = Accounts.FirstOrDefault(a => a.Account.Target == (target ?? string.Empty))?.Account;
        if (account is null || !options.Value.IsConfigured)
        {
            Error = "没有这个微博账号，或您无权为它授权。";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Authorising = account;
        AuthoriseUrl = authorisation.Start(HttpContext, account, User.ToActor().UserName);
        return Page();
    }
}
