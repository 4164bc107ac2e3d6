using Disclosure.Admin;
using Disclosure.Storage.Agencies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Accounts.Pages.Admin;

/// <summary>Accounts: each belongs to one department and holds the roles of its work (信息员, 初审人 …).</summary>
[Authorize(Policy = AccountsModule.UsersPolicy)]
public sealed class UsersModel(AccountQuery query, AccountService accounts, AgencyService agencies) : PageModel
{
    public sealed class NewUser
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? Department { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    [BindProperty]
    public NewUser Input { get; set; } = new();

    public AccountChoices Choices { get; private set; } = null!;

    public IReadOnlyList<AccountRow> Users { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            Errors.Add("请填写用户名。");
        }

        if (string.IsNullOrWhiteSpace(Input.DisplayName))
        {
            Errors.Add("请填写姓名。");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            Errors.Add("请填写初始密码。");
        }

        var department = Choices.Validate(Input.Department, Input.Roles, Errors);
        if (Errors.Count == 0)
        {
            try
            {
                var userName = Input.UserName!.Trim();
                await accounts.CreateAsync(User.Identity!.Name!, userName, Input.Password!,
                    new AccountDetails(Input.DisplayName!.Trim(), department?.AgencyCode, department?.Code, Input.Roles), cancellationToken: cancellationToken);
                TempData["Message"] = $"已创建用户“{userName}”。请把初始密码告知本人，首次登录时须修改。";
                return RedirectToPage();
            }
            catch (AccountException e)
            {
                Errors.Add(e.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = await agencies.ScopeAsync(User.ToActor(), cancellationToken);
        Choices = await query.ChoicesAsync(scope, cancellationToken);
        Users = await query.ListAsync(Choices, scope, cancellationToken);
    }
}
