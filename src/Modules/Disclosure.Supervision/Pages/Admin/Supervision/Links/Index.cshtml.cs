using Disclosure.Admin;
using Disclosure.Supervision.Links;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Supervision.Pages.Admin.Supervision.Links;

/// <summary>
/// 死链: the broken links and attachments of the published items the user's agency owns, per item and department, with
/// the last run and 立即检查 (for the 公开办 and the 管理员).
/// </summary>
[Authorize(Policy = SupervisionModule.AdminPolicy)]
public sealed class IndexModel(BrokenLinkQuery query, LinkCheckRuns runs, LinkCheckSignal signal, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "department")]
    public string? Department { get; set; }

    public IReadOnlyList<BrokenLinkItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Departments { get; private set; } = new Dictionary<string, string>();

    public LinkCheckRun? LastRun { get; private set; }

    public LinkCheckRun? OpenRun { get; private set; }

    public bool CanRun { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        Departments = await query.DepartmentsAsync(actor, cancellationToken);
        Items = await query.ListAsync(actor, Department, cancellationToken);
        LastRun = await runs.LastFinishedAsync(cancellationToken);
        OpenRun = await runs.OpenAsync(cancellationToken);
        CanRun = (await authorization.AuthorizeAsync(User, LinkCheckRegistration.RunPolicy)).Succeeded;
    }

    /// <summary>立即检查: queues a fresh pass over every published item; the background checker takes it at once on this node.</summary>
    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, LinkCheckRegistration.RunPolicy)).Succeeded)
        {
            return Forbid();
        }

        if (await runs.RequestAsync(User.Identity!.Name!, cancellationToken))
        {
            signal.Wake();
            TempData["Message"] = "已开始检查全部已发布信息的链接和附件，稍后刷新本页查看结果。";
        }
        else
        {
            TempData["Message"] = "已有一次检查正在进行或排队，完成后本页显示结果。";
        }

        return RedirectToPage(new { department = Department });
    }

    public string DepartmentName(string? code) =>
        code is null ? "（未指定部门）" : Departments.TryGetValue(code, out var name) ? name : code;

    public static string KindName(LinkKind kind) => kind switch
    {
        LinkKind.Attachment => "附件",
        LinkKind.External => "外部链接",
        _ => "站内链接",
    };
}
