using Disclosure.Admin;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Accounts.Pages.Admin;

/// <summary>One account, for the 管理员: edit 姓名, department and roles; reset the password; disable or enable.</summary>
[Authorize(Policy = AccountsModule.UsersPolicy)]
public sealed class UserDetailsModel(AccountQuery query, UserManager<DisclosureUser> users, AccountService accounts, LedgerHistory ledger) : PageModel
{
    public sealed class AccountInput
    {
        public string? DisplayName { get; set; }
        public string? Department { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    /// <summary>The login name (用户名), which never changes.</summary>
    [FromRoute(Name = "id")]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public DisclosureUser Account { get; private set; } = null!;

    public AccountChoices Choices { get; private set; } = null!;

    /// <summary>The password a reset just generated: shown in this one response and nowhere else.</summary>
    public string? GeneratedPassword { get; private set; }

    public IReadOnlyList<LedgerEntry> History { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new AccountInput
        {
            DisplayName = Account.DisplayName,
            Department = Account.DepartmentCode is null ? null : Account.AgencyCode + "|" + Account.DepartmentCode,
            Roles = [.. await users.GetRolesAsync(Account)],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Input.DisplayName))
        {
            Errors.Add("请填写姓名。");
        }

        var department = Choices.Validate(Input.Department, Input.Roles, Errors);
        if (Errors.Count == 0)
        {
            try
            {
                var changed = await accounts.UpdateAsync(User.Identity!.Name!, UserName,
                    new AccountDetails(Input.DisplayName!.Trim(), department?.AgencyCode, department?.Code, Input.Roles), cancellationToken);
                TempData["Message"] = changed ? "已保存。该用户需重新登录，新的角色和部门立即生效。" : "没有需要保存的修改。";
                return Redirect(PagePath);
            }
            catch (AccountException e)
            {
                Errors.Add(e.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        GeneratedPassword = await accounts.ResetPasswordAsync(User.Identity!.Name!, UserName, cancellationToken);
        // Shown in this response only: never stored, never cached, never carried by a redirect.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        await FillInputAsync();
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ActAsync(() => accounts.DisableAsync(User.Identity!.Name!, UserName, cancellationToken), "账号已停用，该用户已登录的会话立即失效。", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ActAsync(() => accounts.EnableAsync(User.Identity!.Name!, UserName, cancellationToken), "账号已重新启用。", cancellationToken);

    private string PagePath => "/admin/users/" + Uri.EscapeDataString(UserName);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await action();
            TempData["Message"] = done;
            return Redirect(PagePath);
        }
        catch (AccountException e)
        {
            Errors.Add(e.Message);
            await LoadAsync(cancellationToken);
            await FillInputAsync();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task FillInputAsync() => Input = new AccountInput
    {
        DisplayName = Account.DisplayName,
        Department = Account.DepartmentCode is null ? null : Account.AgencyCode + "|" + Account.DepartmentCode,
        Roles = [.. await users.GetRolesAsync(Account)],
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await query.FindAsync(UserName, cancellationToken) is not { } account)
        {
            return false;
        }

        Account = account;
        Choices = await query.ChoicesAsync(cancellationToken);
        History = await ledger.LatestOfAsync(AccountLedgerActions.Subject(UserName), 50, cancellationToken);
        return true;
    }
}
