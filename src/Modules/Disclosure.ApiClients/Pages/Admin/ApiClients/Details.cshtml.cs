using Disclosure.Admin;
using Disclosure.ApiClients.Clients;
using Disclosure.ApiClients.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Disclosure.ApiClients.Pages.Admin.ApiClients;

/// <summary>One client: change it, rotate its secret, revoke it, issue and revoke its personal access tokens.</summary>
[Authorize(Policy = ApiClientsModule.AdminPolicy)]
public sealed class DetailsModel(ApiClientService clients, IOptionsMonitor<ApiClientOptions> options) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public ApiClientForm Input { get; set; } = new();

    public ApiClientRecord Client { get; private set; } = null!;

    public IReadOnlyList<ApiClientPlace> Places { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>A new secret or token, shown in this answer only.</summary>
    public string? NewSecret { get; private set; }

    public string? NewToken { get; private set; }

    public int MaxTokenDays => options.CurrentValue.PersonalAccessTokenMaxDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = ApiClientForm.From(Client);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async actor =>
        {
            await clients.UpdateAsync(Id, Input.ToInput(), actor, cancellationToken);
            TempData["Message"] = "已保存，客户端的下一次调用即按新的部门、权限范围和限额办理。";
        }, redirect: true, cancellationToken);

    public Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async actor => NewSecret = await clients.RotateSecretAsync(Id, actor, cancellationToken), redirect: false, cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async actor =>
        {
            await clients.RevokeAsync(Id, actor, cancellationToken);
            TempData["Message"] = "客户端已停用：其密钥、访问令牌和个人访问令牌即刻失效。";
        }, redirect: true, cancellationToken);

    public Task<IActionResult> OnPostIssueTokenAsync(string? tokenName, int? tokenDays, CancellationToken cancellationToken) =>
        ChangeAsync(async actor => NewToken = await clients.IssueTokenAsync(Id, tokenName, tokenDays ?? 0, actor, cancellationToken), redirect: false, cancellationToken);

    public Task<IActionResult> OnPostRevokeTokenAsync(long tokenId, CancellationToken cancellationToken) =>
        ChangeAsync(async actor =>
        {
            await clients.RevokeTokenAsync(Id, tokenId, actor, cancellationToken);
            TempData["Message"] = "令牌已吊销。";
        }, redirect: true, cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Core.Security.Actor, Task> change, bool redirect, CancellationToken cancellationToken)
    {
        try
        {
            await change(User.ToActor());
            if (redirect)
            {
                return RedirectToPage(new { id = Id });
            }
        }
        catch (ApiClientException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // A secret or token may be in this page: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        if (Error is null)
        {
            Input = ApiClientForm.From(Client);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        if (await clients.FindAsync(Id, actor, cancellationToken) is not { } client)
        {
            return false;
        }

        Client = client;
        Places = await clients.PlacesAsync(actor, cancellationToken);
        return true;
    }
}
