using Disclosure.Admin;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Accounts.Pages.Admin;

/// <summary>
/// One account, for the 管理员: edit 姓名, department and roles; give or take roles in other agencies (兼任); reset the
/// password; disable or enable. An account outside the agencies the 管理员 manages is not found.
/// </summary>
[Authorize(Policy = AccountsModule.UsersPolicy)]
public sealed class UserDetailsModel(
    AccountQuery query,
    UserManager<DisclosureUser> users,
    AccountService accounts,
    AgencyMemberships memberships,
    AgencyService agencies,
    LedgerHistory ledger) : PageModel
{
    /// <summary>Roles in an agency other than the user's own.</summary>
    public sealed class MembershipInput
    {
        public string? Agency { get; set; }
        public string? Department { get; set; }
        public List<string> Roles { get; set; } = [];
    }

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

    [BindProperty]
    public MembershipInput Membership { get; set; } = new();

    /// <summary>Every agency the user may act for, their own first.</summary>
    public IReadOnlyList<AgencyPlace> Places { get; private set; } = [];

    /// <summary>The agencies the 管理员 may give roles in, by code and name in tree order.</summary>
    public IReadOnlyList<AgencyNode> GrantableAgencies { get; private set; } = [];

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

    /// <summary>授予其他机构角色 (replacing what the user held in that agency).</summary>
    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        // The department is posted as agency|code (codes repeat across agencies); it must be of the chosen agency.
        var department = Membership.Department?.Split('|', 2) is [var agency, var code] && agency == Membership.Agency ? code : null;
        if (!string.IsNullOrEmpty(Membership.Department) && department is null)
        {
            return ActAsync(() => throw new AccountException("所选部门不属于该机构。"), string.Empty, cancellationToken);
        }

        return ActAsync(() => memberships.GrantAsync(User.ToActor(), UserName, Membership.Agency, department, Membership.Roles, cancellationToken),
            "已授予该机构的角色。该用户需重新登录后生效。", cancellationToken);
    }

    /// <summary>取消其他机构角色.</summary>
    public Task<IActionResult> OnPostRevokeAsync(string agency, CancellationToken cancellationToken) =>
        ActAsync(() => memberships.RevokeAsync(User.ToActor(), UserName, agency, cancellationToken), "已取消该用户在该机构的角色。", cancellationToken);

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
        var scope = await agencies.ScopeAsync(User.ToActor(), cancellationToken);
        if (await query.FindAsync(UserName, scope, cancellationToken) is not { } account)
        {
            return false;
        }

        Account = account;
        Choices = await query.ChoicesAsync(scope, cancellationToken);
        Places = await memberships.PlacesOfAsync(account, cancellationToken);
        GrantableAgencies = scope.Tree.All().Where(a => scope.Manages(a.Code) && a.Code != account.AgencyCode).ToList();
        History = await ledger.LatestOfAsync(AccountLedgerActions.Subject(UserName), 50, cancellationToken);
        return true;
    }
}
