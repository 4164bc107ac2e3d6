using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Supervision.Board;
using Disclosure.Supervision.Freshness;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Supervision.Pages.Admin.Supervision;

/// <summary>栏目更新: each 目录 class against its freshness rule, and the rules themselves (the 公开办 and the 管理员 change them).</summary>
[Authorize(Policy = SupervisionModule.AdminPolicy)]
public sealed class SupervisionFreshnessModel(FreshnessReport report, FreshnessRules rules, SupervisionBoard board, AdminLookups lookups) : PageModel
{
    public BoardScope Scope { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Agencies { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<ClassFreshness> Classes { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string PagePath => "/admin/supervision/freshness";

    /// <summary>The 领导 reads the board; the rules are the 公开办's (and the 管理员's).</summary>
    public bool MayEditRules => User.IsInRole(RoleNames.InformationOffice) || User.IsInRole(RoleNames.Administrator);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayEditRules)
        {
            return Forbid();
        }

        var input = Request.Form.Keys.Where(k => k.StartsWith("days:", StringComparison.Ordinal))
            .ToDictionary(k => k["days:".Length..], k => (string?)Request.Form[k].ToString(), StringComparer.Ordinal);
        Problems = await rules.SaveAsync(input, User.ToActor().UserName, cancellationToken);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = "已保存栏目更新频率规则。";
        return Redirect("/admin/supervision/freshness");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agencies = await lookups.AgencyNamesAsync(cancellationToken);
        Scope = BoardScope.Read(HttpContext, board.Today, Agencies);
        Classes = await report.LoadAsync(Scope.AgencyCode, cancellationToken);
    }
}
