using Disclosure.Admin;
using Disclosure.Requests.Admin;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Requests.Pages.Admin.Requests;

/// <summary>依申请公开: every application with its deadline, filtered; no personal data on this page.</summary>
[Authorize(Policy = RequestsModule.AdminPolicy)]
public sealed class RequestsIndexModel(RequestQueries queries, ApplicantDataAccess applicants, AdminLookups lookups) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Deadline { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<RequestRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Departments { get; private set; } = new Dictionary<string, string>();

    public DateOnly Today => queries.Today;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = new RequestFilter(
            RequestNames.TryParse<RequestStage>(Stage, out var stage) ? stage : null,
            RequestNames.TryParse<DeadlineState>(Deadline, out var deadline) ? deadline : null,
            ApplicantKinds.TryParse(Kind, out var kind) ? kind : null,
            Year is >= 2000 and <= 2100 ? Year : null,
            string.IsNullOrWhiteSpace(Department) ? null : Department,
            string.IsNullOrWhiteSpace(Q) ? null : Q);
        Rows = await queries.ListAsync(filter, User.ToActor(), cancellationToken);
        Departments = await lookups.DepartmentNamesAsync(cancellationToken);
    }

    /// <summary>申请登记簿 of a year, with applicants' data: the office's own export, recorded in the ledger.</summary>
    public async Task<IActionResult> OnPostExportAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
        {
            return BadRequest();
        }

        var rows = await applicants.ExportYearAsync(year, User.ToActor(), cancellationToken);
        var departments = await lookups.DepartmentNamesAsync(cancellationToken);
        Response.Headers.CacheControl = "no-cache, no-store"; // as antiforgery writes it for a page with a form, so it is not overridden with a warning
        return File(RequestRegisterExport.ToCsv(rows, departments), "text/csv; charset=utf-8", $"政府信息公开申请登记簿-{year}.csv");
    }
}
