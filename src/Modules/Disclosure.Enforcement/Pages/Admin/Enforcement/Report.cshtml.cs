using System.Globalization;
using Disclosure.Enforcement.Admin;
using Disclosure.Enforcement.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Enforcement.Pages.Admin.Enforcement;

/// <summary>执法信息公开及时性月报: the month's events per 办案单位 and in total, the late and overdue list, XLSX and DOCX.</summary>
[Authorize(Policy = EnforcementModule.AdminPolicy)]
public sealed class ReportModel(TimelinessReport report, CaseAdminQueries queries) : PageModel
{
    public const int ListedOnPage = 500;

    /// <summary>The month as <c>2026-11</c>; this month when not given.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public TimelinessMonth Report { get; private set; } = null!;

    public string? MonthError { get; private set; }

    public string MonthText => $"{Report.Year:D4}-{Report.Month:D2}";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => WithReportAsync(_ => Task.FromResult<IActionResult>(Page()), cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) => WithReportAsync(async month =>
        File(await TimelinessReportFiles.ToXlsxAsync(month, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            TimelinessReportFiles.FileName(month, "xlsx")), cancellationToken);

    public Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken) => WithReportAsync(month => Task.FromResult<IActionResult>(
        File(TimelinessReportFiles.ToDocx(month), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            TimelinessReportFiles.FileName(month, "docx"))), cancellationToken);

    private async Task<IActionResult> WithReportAsync(Func<TimelinessMonth, Task<IActionResult>> answer, CancellationToken cancellationToken)
    {
        var (year, month) = (queries.Today.Year, queries.Today.Month);
        if (!string.IsNullOrWhiteSpace(Month))
        {
            if (DateOnly.TryParseExact(Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && first.Year is >= 2000 and <= 2100)
            {
                (year, month) = (first.Year, first.Month);
            }
            else
            {
                MonthError = $"月份“{Month.Trim()}”无效，请按 YYYY-MM 填写，例如 2026-11。已显示本月。";
            }
        }

        Report = await report.ComputeAsync(year, month, cancellationToken);
        if (MonthError is not null && Request.Query.ContainsKey("handler"))
        {
            return BadRequest(MonthError);
        }

        if (MonthError is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return await answer(Report);
    }
}
