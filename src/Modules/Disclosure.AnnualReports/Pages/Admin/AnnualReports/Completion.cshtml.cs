using Disclosure.AnnualReports.Admin;
using Disclosure.AnnualReports.Services;
using Disclosure.Storage.Agencies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.AnnualReports.Pages.Admin.AnnualReports;

/// <summary>
/// 年度报告完成情况: for a parent agency and year, which agencies of its subtree have published their report and when,
/// which have not, against the statutory 31 January of the next year.
/// </summary>
[Authorize(Policy = AnnualReportsModule.AdminPolicy)]
public sealed class CompletionModel(ReportCompletion completion, AgencyDirectory agencies, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public SubtreeScope Scope { get; private set; } = null!;

    public CompletionResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await SubtreeScope.ResolveAsync(User, agencies, clock, Agency, Year, cancellationToken) is not { } scope
            || await completion.ComputeAsync(scope.Agency.Code, scope.Year, cancellationToken) is not { } result)
        {
            return NotFound();
        }

        (Scope, Result) = (scope, result);
        return Page();
    }
}
