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
public sealed class IndexModel(DisclosureDbContext db, IntegrityVerifier verifier, SignedHeadsExport signedHeads) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<LedgerEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<IntegrityProblem>? Problems { get; private set; }

    /// <summary>Published heads to check (one <c>序号:哈希</c> per line), as <c>verify-ledger --head</c> does.</summary>
    [BindProperty]
    public string? Heads { get; set; }

    /// <summary>How many heads the last verification checked.</summary>
    public int CheckedHeads { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var heads = new List<LedgerHead>();
        var malformed = false;
        foreach (var line in (Heads ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!LedgerHead.TryParse(line, out var head))
            {
                ModelState.AddModelError(nameof(Heads), $"链头“{line}”格式不正确，应为“序号:哈希”（64 位十六进制），每行一个。");
                malformed = true;
                continue;
            }

            heads.Add(head);
        }

        if (!malformed)
        {
            Problems = await verifier.VerifyAsync(heads, cancellationToken);
            CheckedHeads = heads.Count;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The daily heads, signed (ECDSA P-256) so anyone can check them with the public key on <c>/ledger/heads</c>.</summary>
    public async Task<IActionResult> OnGetHeadsAsync(CancellationToken cancellationToken)
    {
        var stamp = DateTime.UtcNow.AddHours(8).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return File(await signedHeads.CreateAsync(cancellationToken), "application/json", $"台账链头-{stamp}.json");
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
        Entries = await db.Ledger.AsNoTracking().OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
