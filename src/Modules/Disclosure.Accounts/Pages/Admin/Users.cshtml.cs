using Disclosure.Admin;
using Disclosure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Accounts.Pages.Admin;

/// <summary>Accounts: each belongs to one department and holds the roles of its work (信息员, 初审人 …).</summary>
[Authorize(Policy = AccountsModule.UsersPolicy)]
public sealed class UsersModel(DisclosureDbContext db, AccountService accounts) : PageModel
{
    public sealed class NewUser
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? Department { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    public sealed record UserRow(string UserName, string? DisplayName, string? Department, IReadOnlyList<string> Roles, bool Disabled, bool MustChangePassword);

    [BindProperty]
    public NewUser Input { get; set; } = new();

    public AccountChoices Choices { get; private set; } = null!;

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

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
        Choices = await AccountChoices.LoadAsync(db, cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.DisplayName ?? r.Name!, cancellationToken);
        var memberships = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        Users = (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            .Select(u => new UserRow(u.UserName!, u.DisplayName,
                Choices.Departments.FirstOrDefault(d => d.AgencyCode == u.AgencyCode && d.Code == u.DepartmentCode)?.Name,
                memberships.Where(m => m.UserId == u.Id).Select(m => roleNames.GetValueOrDefault(m.RoleId, m.RoleId)).ToList(),
                u.DisabledUtc is not null,
                u.MustChangePassword))
            .ToList();
    }
}
