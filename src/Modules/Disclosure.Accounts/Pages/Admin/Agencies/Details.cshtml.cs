using Disclosure.Accounts.Agencies;
using Disclosure.Admin;
using Disclosure.Core.Settings;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Accounts.Pages.Admin.Agencies;

/// <summary>
/// One agency: its information, its place in the tree (上级机关), its departments and its identity settings
/// (overrides of the installation's and its ancestors'). An agency outside the 管理员's scope is 404, as one that
/// does not exist; the service refuses it whatever the page does.
/// </summary>
[Authorize(Policy = AccountsModule.AgenciesPolicy)]
public sealed class DetailsModel(AgencyService agencies, SiteIdentityStore identities, AgencySiteStore sites, AgencyHostMap hosts) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public AgencyForm Form { get; set; } = new();

    /// <summary>The agency's own identity values by field name (empty = inherited).</summary>
    [BindProperty]
    public Dictionary<string, string?> Identity { get; set; } = [];

    /// <summary>The agency's own public site (独立域名, 主色调, 标志, 指南) by AgencySiteFields key.</summary>
    [BindProperty]
    public Dictionary<string, string?> Site { get; set; } = [];

    public AgencyRecord Agency { get; private set; } = null!;

    public AgencyManagementScope Scope { get; private set; } = null!;

    /// <summary>What the agency shows where it sets nothing itself.</summary>
    public SiteIdentity Inherited { get; private set; } = null!;

    public IReadOnlyList<DepartmentRecord> Departments { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> InfoErrors => ErrorForm == "info" ? Errors : new Dictionary<string, string>();

    /// <summary>Which form the errors belong to: info, move, identity, site or departments.</summary>
    public string? ErrorForm { get; private set; }

    /// <summary>Parents the agency may move under: managed, and neither itself nor below it.</summary>
    public IEnumerable<AgencyNode> ParentChoices => Scope.Roots.SelectMany(Flatten).Where(n => !Scope.Tree.IsWithin(n.Code, Code));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = AgencyForm.From(Agency);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ActAsync("info", async () =>
        {
            var changes = await agencies.UpdateAsync(Code, Form.ToInput(), User.ToActor(), cancellationToken);
            return changes.Count == 0 ? "没有修改。" : $"已保存机构信息（{changes.Count} 项修改）。";
        }, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(string? parentCode, CancellationToken cancellationToken) =>
        ActAsync("move", async () =>
            await agencies.MoveAsync(Code, parentCode, User.ToActor(), cancellationToken) ? "已调整上级机关。" : "上级机关没有变化。", cancellationToken);

    public Task<IActionResult> OnPostIdentityAsync(CancellationToken cancellationToken) =>
        ActAsync("identity", async () =>
        {
            var input = SiteIdentityFields.PerAgency.ToDictionary(f => f.Name, f => Identity.GetValueOrDefault(f.Name) ?? string.Empty);
            var changes = await agencies.SaveIdentityAsync(Code, input, User.ToActor(), cancellationToken);
            return changes.Count == 0 ? "没有修改。" : $"已保存标识设置（{changes.Count} 项修改）。";
        }, cancellationToken);

    public Task<IActionResult> OnPostSiteAsync(CancellationToken cancellationToken) =>
        ActAsync("site", async () =>
        {
            var input = AgencySiteFields.All.ToDictionary(f => f.Key, f => Site.GetValueOrDefault(f.Key));
            var changes = await agencies.SaveSiteAsync(Code, input, User.ToActor(), cancellationToken);
            // This node resolves the new host names at once; others within AgencyHostMap.Lifetime.
            hosts.Invalidate();
            return changes.Count == 0 ? "没有修改。" : $"已保存站点设置（{changes.Count} 项修改）。";
        }, cancellationToken);

    public Task<IActionResult> OnPostAddDepartmentAsync(string? departmentCode, string? departmentName, CancellationToken cancellationToken) =>
        ActAsync("departments", async () =>
        {
            await agencies.AddDepartmentAsync(Code, departmentCode, departmentName, User.ToActor(), cancellationToken);
            return $"已新增部门“{departmentName?.Trim()}”。";
        }, cancellationToken);

    public Task<IActionResult> OnPostRenameDepartmentAsync(long id, string? departmentName, CancellationToken cancellationToken) =>
        ActAsync("departments", async () =>
            await agencies.RenameDepartmentAsync(Code, id, departmentName, User.ToActor(), cancellationToken) ? $"部门已更名为“{departmentName?.Trim()}”。" : "没有修改。", cancellationToken);

    private async Task<IActionResult> ActAsync(string form, Func<Task<string>> action, CancellationToken cancellationToken)
    {
        try
        {
            TempData["Message"] = await action();
            return Redirect(AgencyPaths.Details(Code));
        }
        catch (AgencyAccessDeniedException)
        {
            return NotFound();
        }
        catch (SiteSettingsException ex)
        {
            ErrorForm = form;
            if (!await LoadAsync(cancellationToken))
            {
                return NotFound();
            }

            Errors = ex.Errors;
            if (form != "info")
            {
                Form = AgencyForm.From(Agency);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        Scope = await agencies.ScopeAsync(actor, cancellationToken);
        if (!Scope.Manages(Code))
        {
            return false;
        }

        Agency = Scope.Tree.Find(Code)!.Agency;
        Departments = await agencies.DepartmentsAsync(Code, actor, cancellationToken);
        var (inherited, own) = await identities.OverridesAsync(Code, cancellationToken);
        Inherited = inherited;
        // A refused identity post shows what was posted; everything else shows what is stored.
        if (ErrorForm != "identity")
        {
            Identity = own.ToDictionary(o => o.Key, o => (string?)o.Value);
        }

        if (ErrorForm != "site")
        {
            Site = (await sites.LoadAsync(Code, cancellationToken)).ToValues().ToDictionary(v => v.Key, v => (string?)v.Value);
        }

        return true;
    }

    private static IEnumerable<AgencyNode> Flatten(AgencyNode node) => node.Children.SelectMany(Flatten).Prepend(node);
}
