using Disclosure.Admin;
using Disclosure.Supervision.Board;
using Disclosure.Supervision.Freshness;
using Disclosure.Supervision.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Supervision.Pages.Admin.Supervision;

/// <summary>督查督办: every statutory clock with its counts per department, for one agency and one month.</summary>
[Authorize(Policy = SupervisionModule.AdminPolicy)]
public sealed class SupervisionIndexModel(
    SupervisionBoard board, FreshnessReport freshness, SupervisionReports reports, MonthReportArchive archive, AdminLookups lookups,
    Microsoft.Extensions.Options.IOptions<SupervisionOptions> options)
    : PageModel
{
    public BoardScope Scope { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Agencies { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<ClockSummary> Clocks { get; private set; } = [];

    /// <summary>The 目录 classes that are empty, stale or about to go stale.</summary>
    public IReadOnlyList<ClassFreshness> ClassWarnings { get; private set; } = [];

    /// <summary>死链 per department of the scope, as the checker last found them.</summary>
    public IReadOnlyList<DepartmentLinks> BrokenLinks { get; private set; } = [];

    /// <summary>The 月报 made on their day and kept, newest first.</summary>
    public IReadOnlyList<KeptMonthReport> KeptReports { get; private set; } = [];

    public DateOnly Today => board.Today;

    public int MonthReportDay => options.Value.MonthReportDay;

    public bool PushMonthReport => options.Value.PushMonthReport;

    public string BoardPath => "/admin/supervision";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await lookups.AgencyNamesAsync(cancellationToken);
        Scope = BoardScope.Read(HttpContext, Today, Agencies);
        Clocks = await board.SummariesAsync(Scope.AgencyCode, Scope.Period, cancellationToken);
        ClassWarnings = (await freshness.LoadAsync(Scope.AgencyCode, cancellationToken))
            .Where(c => c.State is FreshnessState.Stale or FreshnessState.StaleSoon or FreshnessState.Empty)
            .OrderBy(c => c.State switch { FreshnessState.Stale => 0, FreshnessState.StaleSoon => 1, _ => 2 })
            .ToList();
        BrokenLinks = await reports.BrokenLinksAsync(Scope.AgencyCode, cancellationToken);
        KeptReports = await archive.ListAsync(User.ToActor(), Scope.AgencyCode, cancellationToken);
    }

    /// <summary>A kept 月报's file as it was made (<c>?handler=kept&amp;id=…&amp;format=xlsx|docx</c>); another agency's is not found.</summary>
    public async Task<IActionResult> OnGetKeptAsync(long id, string? format, CancellationToken cancellationToken)
    {
        var kept = await archive.FindAsync(User.ToActor(), id, cancellationToken);
        if (kept is null)
        {
            return NotFound();
        }

        return format switch
        {
            "xlsx" => File(kept.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SupervisionReportFiles.FileName(kept.Month, "xlsx")),
            "docx" => File(kept.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", SupervisionReportFiles.FileName(kept.Month, "docx")),
            _ => BadRequest("月报格式应为 xlsx 或 docx。"),
        };
    }

    /// <summary>督查督办月报 of the scope's month as XLSX or DOCX (<c>?handler=report&amp;format=xlsx|docx</c>).</summary>
    public async Task<IActionResult> OnGetReportAsync(string? format, CancellationToken cancellationToken)
    {
        Agencies = await lookups.AgencyNamesAsync(cancellationToken);
        Scope = BoardScope.Read(HttpContext, Today, Agencies);
        var report = await reports.MakeAsync(Scope.AgencyCode, Scope.Period, cancellationToken);
        return format switch
        {
            "xlsx" => File(await SupervisionReportFiles.ToXlsxAsync(report, cancellationToken),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SupervisionReportFiles.FileName(report.Period.MonthText, "xlsx")),
            "docx" => File(SupervisionReportFiles.ToDocx(report),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", SupervisionReportFiles.FileName(report.Period.MonthText, "docx")),
            _ => BadRequest("月报格式应为 xlsx 或 docx。"),
        };
    }

    public string EntriesLink(ClockSummary summary, Storage.Supervision.ClockState state, DepartmentKey? department) =>
        $"/admin/supervision/clocks/{summary.Clock.Key}?{Scope.QueryString}&state={state}"
        + (department is null ? string.Empty : "&dagency=" + Uri.EscapeDataString(department.AgencyCode) + "&department=" + Uri.EscapeDataString(department.DepartmentCode ?? "-"));
}
