using Disclosure.Admin;
using Disclosure.Core.Settings;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Accounts.Pages.Admin.Settings;

/// <summary>
/// 站点设置: the office's identity (机构名称, 统一社会信用代码, 行政区划代码, 索引号格式, contacts, the 复议机关 and court of
/// the reply letter, the footer's 主办单位, 网站标识码 and 备案 numbers) and its departments. 管理员 only; every
/// change is one transaction with its 台账 entry; wrong input stores nothing.
/// </summary>
[Authorize(Policy = AccountsModule.SettingsPolicy)]
public sealed class IndexModel(SiteIdentityStore store) : PageModel
{
    /// <summary>The posted or stored values by field name.</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<DepartmentRecord> Departments { get; private set; } = [];

    public string? DepartmentError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var identity = await store.LoadAsync(cancellationToken);
        Values = identity.Values.ToDictionary(v => v.Key, v => (string?)v.Value);
        Departments = await store.DepartmentsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = SiteIdentityFields.All.ToDictionary(f => f.Name, f => Values.GetValueOrDefault(f.Name) ?? string.Empty);
        try
        {
            var changes = await store.SaveAsync(input, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = changes.Count == 0 ? "没有修改。" : $"已保存站点设置（{changes.Count} 项修改）。";
            return RedirectToPage();
        }
        catch (SiteSettingsException ex)
        {
            Errors = ex.Errors;
            return await InvalidAsync(cancellationToken);
        }
    }

    public Task<IActionResult> OnPostAddDepartmentAsync(string? code, string? name, CancellationToken cancellationToken) =>
        DepartmentActionAsync(() => store.AddDepartmentAsync(code, name, User.Identity!.Name!, cancellationToken), $"已新增部门“{name?.Trim()}”。", cancellationToken);

    public Task<IActionResult> OnPostRenameDepartmentAsync(long id, string? name, CancellationToken cancellationToken) =>
        DepartmentActionAsync(() => store.RenameDepartmentAsync(id, name, User.Identity!.Name!, cancellationToken), $"部门已更名为“{name?.Trim()}”。", cancellationToken);

    private async Task<IActionResult> DepartmentActionAsync(Func<Task> action, string done, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            TempData["Message"] = done;
            return RedirectToPage();
        }
        catch (SiteSettingsException ex)
        {
            DepartmentError = string.Join(" ", ex.Errors.Values);
            Values = (await store.LoadAsync(cancellationToken)).Values.ToDictionary(v => v.Key, v => (string?)v.Value);
            return await InvalidAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Departments = await store.DepartmentsAsync(cancellationToken);
        return Page();
    }
}
