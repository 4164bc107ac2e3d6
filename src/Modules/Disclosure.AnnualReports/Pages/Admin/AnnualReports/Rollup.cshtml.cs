using Disclosure.AnnualReports.Admin;
using Disclosure.AnnualReports.Services;
using Disclosure.Core.Tables;
using Disclosure.Media.Tables;
using Disclosure.Storage.Agencies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.AnnualReports.Pages.Admin.AnnualReports;

/// <summary>
/// 汇总 (集约化): a parent agency's subtree for a year — tables 二, 三 and 四 summed cell by cell over the agency and
/// every agency below it, each agency's own figures beside, and the full breakdown as XLSX.
/// </summary>
[Authorize(Policy = AnnualReportsModule.AdminPolicy)]
public sealed class RollupModel(ReportRollup rollup, AgencyDirectory agencies, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    /// <summary>Bound as text so a mistyped year falls back to the default rather than a framework error.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public SubtreeScope Scope { get; private set; } = null!;

    public ReportRollupResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Every cell by agency, one sheet, through the kernel's table writer.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var (headers, rows) = ReportRollup.Breakdown(Result);
        var bytes = await TableExport.ToBytesAsync(TableFormat.Xlsx, $"{Result.Year}年度汇总", headers, rows, cancellationToken);
        return File(bytes, TableFormats.ContentType(TableFormat.Xlsx), $"{Result.AgencyName}{Result.Year}年度报告汇总.xlsx");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await SubtreeScope.ResolveAsync(User, agencies, clock, Agency, Year, cancellationToken) is not { } scope
            || await rollup.ComputeAsync(scope.Agency.Code, scope.Year, cancellationToken) is not { } result)
        {
            return false;
        }

        (Scope, Result) = (scope, result);
        return true;
    }
}
