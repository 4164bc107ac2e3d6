using System.Globalization;
using Disclosure.Admin;
using Disclosure.AnnualReports.Admin;
using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Documents;
using Disclosure.AnnualReports.Models;
using Disclosure.AnnualReports.Services;
using Disclosure.Contents.Review;
using Disclosure.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.AnnualReports.Pages.Admin.AnnualReports;

/// <summary>
/// One report: the consistency checks and the counts that moved since the last statistics; sections 一 (drafted
/// from the figures), 五 and 六 and the cells entered by hand; 重新统计; the DOCX; 上报 into the review chain.
/// </summary>
[Authorize(Policy = AnnualReportsModule.AdminPolicy)]
public sealed class EditModel(AnnualReportService reports, MediaStore media) : PageModel
{
    public const int MaxSectionLength = 20_000;

    [FromRoute]
    public long Id { get; set; }

    public AnnualReportRecord Report { get; private set; } = null!;

    public AnnualReportState State { get; private set; }

    public AnnualReportContent Rendered { get; private set; } = null!;

    public IReadOnlyList<CheckFinding> Findings { get; private set; } = [];

    public IReadOnlyList<MovedCell> Moved { get; private set; } = [];

    [BindProperty]
    public string? Overview { get; set; }

    [BindProperty]
    public string? Problems { get; set; }

    [BindProperty]
    public string? Other { get; set; }

    /// <summary>行政强制 · 本年处理决定数量, entered by hand (text, so a typing mistake gets a zh-CN message).</summary>
    [BindProperty]
    public string? Enforcement { get; set; }

    [BindProperty]
    public string? Stamp { get; set; }

    [BindProperty]
    public bool Acknowledge { get; set; }

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Overview = Report.Overview;
        Problems = Report.Problems;
        Other = Report.Other;
        Enforcement = AnnualReportService.Manual(Report).TryGetValue(ManualCells.Enforcement, out var value) ? value.ToString(CultureInfo.InvariantCulture) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var manual = new Dictionary<string, decimal>();
        if (string.IsNullOrWhiteSpace(Overview))
        {
            Errors.Add("“一、总体情况”不能为空。");
        }

        foreach (var (label, text) in new[] { ("一、总体情况", Overview), ("五、存在的主要问题及改进情况", Problems), ("六、其他需要报告的事项", Other) })
        {
            if (text?.Length > MaxSectionLength)
            {
                Errors.Add($"“{label}”不能超过 {MaxSectionLength} 字。");
            }
        }

        if (!string.IsNullOrWhiteSpace(Enforcement))
        {
            if (int.TryParse(Enforcement.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                manual[ManualCells.Enforcement] = count;
            }
            else
            {
                Errors.Add("“行政强制”本年处理决定数量应为非负整数。");
            }
        }

        if (Errors.Count == 0)
        {
            try
            {
                await reports.SaveAsync(Id, Overview!, Problems ?? string.Empty, Other ?? string.Empty, manual, Stamp ?? string.Empty, User.Identity!.Name!, cancellationToken);
                TempData["Message"] = "已保存。";
                return Redirect($"/admin/annual-reports/{Id}");
            }
            catch (AnnualReportException ex)
            {
                Errors.Add(ex.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var moved = await reports.RefreshAsync(Id, Stamp ?? string.Empty, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = moved.Count == 0 ? "已重新统计，各项数据与上次统计相同。" : $"已重新统计，{moved.Count} 个单元格的数值有变化，见下方“与上次统计相比的变化”。";
            return Redirect($"/admin/annual-reports/{Id}");
        }
        catch (AnnualReportException ex)
        {
            return await RefusedAsync(ex.Message, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var document = await AnnualReportFiles.StoreAsync(media, Rendered, cancellationToken);
            var submitted = await reports.SubmitAsync(Id, Stamp ?? string.Empty, document, Acknowledge, User.ToActor(), cancellationToken);
            TempData["Message"] = "已上报审核。审核通过后由公开办发布到“年度报告”目录。";
            return Redirect($"/admin/content/{submitted.ContentItemId}");
        }
        catch (Exception ex) when (ex is AnnualReportException or WorkflowException or WorkflowForbiddenException)
        {
            return await RefusedAsync(ex.Message, cancellationToken);
        }
    }

    /// <summary>The report as it stands, as a DOCX to read or print before submission.</summary>
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return File(AnnualReportDocx.Write(Rendered), AnnualReportFiles.DocxType, AnnualReportFiles.FileName(Rendered));
    }

    private async Task<IActionResult> RefusedAsync(string message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Overview = Report.Overview;
        Problems = Report.Problems;
        Other = Report.Other;
        Errors.Add(message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await reports.FindAsync(Id, User.ToActor(), cancellationToken) is not { } report)
        {
            return false;
        }

        Report = report;
        State = await reports.StateAsync(report, cancellationToken);
        Rendered = await reports.ContentAsync(report, cancellationToken);
        Findings = await reports.CheckAsync(report, cancellationToken);
        Moved = AnnualReportService.Moved(report);
        return true;
    }
}
