using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Web.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Pages.Admin;

/// <summary>Accounts: each belongs to one department and holds the roles of its work (信息员, 初审人 …).</summary>
[Authorize(Policy = AdminPolicies.Users)]
public sealed class UsersModel(DisclosureDbContext db, UserManager<DisclosureUser> users) : PageModel
{
    public sealed class NewUser
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? Department { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    public sealed record DepartmentChoice(string AgencyCode, string AgencyName, string Code, string Name);

    public sealed record UserRow(string? UserName, string? DisplayName, string? Department, IReadOnlyList<string> Roles);

    [BindProperty]
    public NewUser Input { get; set; } = new();

    public IReadOnlyList<DisclosureRole> Roles { get; private set; } = [];

    public IReadOnlyList<DepartmentChoice> Departments { get; private set; } = [];

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

        var unknownRoles = Input.Roles.Where(r => Roles.All(x => x.Name != r)).ToList();
        if (unknownRoles.Count > 0)
        {
            Errors.Add($"角色“{string.Join("、", unknownRoles)}”不存在。");
        }

        if (Input.Roles.Count == 0)
        {
            Errors.Add("请至少选择一个角色。");
        }

        var department = Departments.FirstOrDefault(d => d.AgencyCode + "|" + d.Code == Input.Department);
        if (!string.IsNullOrEmpty(Input.Department) && department is null)
        {
            Errors.Add("所选部门不存在。");
        }

        if (Errors.Count == 0)
        {
            var user = new DisclosureUser
            {
                UserName = Input.UserName!.Trim(),
                DisplayName = Input.DisplayName!.Trim(),
                AgencyCode = department?.AgencyCode,
                DepartmentCode = department?.Code,
            };
            var created = await users.CreateAsync(user, Input.Password!);
            if (created.Succeeded)
            {
                var added = await users.AddToRolesAsync(user, Input.Roles);
                if (added.Succeeded)
                {
                    TempData["Message"] = $"已创建用户“{user.UserName}”。";
                    return RedirectToPage();
                }

                Errors.AddRange(added.Errors.Select(e => e.Description));
            }
            else
            {
                Errors.AddRange(created.Errors.Select(e => e.Description));
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.AgencyCode).ThenBy(d => d.Id).ToListAsync(cancellationToken))
            .Select(d => new DepartmentChoice(d.AgencyCode, agencies.GetValueOrDefault(d.AgencyCode, d.AgencyCode), d.Code, d.Name)).ToList();
        var roleNames = Roles.ToDictionary(r => r.Id, r => r.DisplayName ?? r.Name!);
        var memberships = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        Users = (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            .Select(u => new UserRow(u.UserName, u.DisplayName,
                Departments.FirstOrDefault(d => d.AgencyCode == u.AgencyCode && d.Code == u.DepartmentCode)?.Name,
                memberships.Where(m => m.UserId == u.Id).Select(m => roleNames.GetValueOrDefault(m.RoleId, m.RoleId)).ToList()))
            .ToList();
    }
}
