using Disclosure.Admin;
using Disclosure.Supervision.Coverage;
using Disclosure.Supervision.Links;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Supervision.Pages.Admin.Supervision.Coverage;

/// <summary>
/// 条例第二十条 coverage for the user's agency (the installation's for staff without one): the fifteen items with their
/// 目录 classes and published counts, or 不适用 and the reason, uncovered ones flagged; the 公开办 and 管理员 edit it.
/// </summary>
[Authorize(Policy = SupervisionModule.AdminPolicy)]
public sealed class IndexModel(CoverageQuery query, CoverageStore store, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<CoverageLine> Lines { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>What the form shows per item: the class codes as typed and the reason.</summary>
    public Dictionary<int, (string Classes, string Reason)> Form { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(keepForm: false, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, LinkCheckRegistration.RunPolicy)).Succeeded)
        {
            return Forbid();
        }

        var input = new Dictionary<int, CoverageEntry>();
        foreach (var item in StatuteItems.All)
        {
            var classes = Request.Form[$"classes{item.Number}"].ToString();
            var reason = Request.Form[$"reason{item.Number}"].ToString();
            Form[item.Number] = (classes, reason);
            input[item.Number] = new CoverageEntry(
                classes.Split(['、', '，', ',', ' ', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                reason);
        }

        try
        {
            var changed = await store.SaveAsync(User.ToActor().AgencyCode, input, User.Identity!.Name!, cancellationToken: cancellationToken);
            TempData["Message"] = changed.Count == 0 ? "没有修改。" : $"已保存 {changed.Count} 项修改，并记入台账。";
            return RedirectToPage();
        }
        catch (CoverageValidationException ex)
        {
            Problems = ex.Problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(keepForm: true, cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(bool keepForm, CancellationToken cancellationToken)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, LinkCheckRegistration.RunPolicy)).Succeeded;
        Lines = await query.ReportAsync(User.ToActor().AgencyCode, cancellationToken);
        if (!keepForm)
        {
            foreach (var line in Lines)
            {
                Form[line.Item.Number] = (string.Join("、", line.Entry.Classes), line.Entry.NotApplicableReason ?? string.Empty);
            }
        }
    }

    public static string StateName(CoverageState state) => state switch
    {
        CoverageState.Covered => "已覆盖",
        CoverageState.Empty => "已对应，尚无信息",
        CoverageState.NotApplicable => "不适用",
        _ => "未覆盖",
    };
}
