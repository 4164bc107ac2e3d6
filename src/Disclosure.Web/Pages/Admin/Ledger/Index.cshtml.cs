using Disclosure.Core.Paging;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Web.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Pages.Admin.Ledger;

[Authorize(Policy = AdminPolicies.Ledger)]
public sealed class IndexModel(DisclosureDbContext db, IntegrityVerifier verifier) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<LedgerEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<IntegrityProblem>? Problems { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Problems = await verifier.VerifyAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var entries = await db.Ledger.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var stamp = DateTime.UtcNow.AddHours(8).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return format == "xlsx"
            ? File(LedgerExport.ToXlsx(entries), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"信息发布台账-{stamp}.xlsx")
            : File(LedgerExport.ToCsv(entries), "text/csv; charset=utf-8", $"信息发布台账-{stamp}.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Total = await db.Ledger.CountAsync(cancellationToken);
        Entries = await db.Ledger.AsNoTracking().OrderByDescending(e => e.Sequence).Skip(PageLimits.Offset(PageNumber, PageSize)).Take(PageSize).ToListAsync(cancellationToken);
    }
}
