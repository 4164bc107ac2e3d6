using Disclosure.Admin.Ledger;
using Disclosure.Core.Paging;
using Disclosure.Core.Tables;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Admin.Pages.Admin.Ledger;

[Authorize(Policy = AdminPolicies.Ledger)]
public sealed class IndexModel(
    LedgerQuery ledger,
    IntegrityVerifier verifier,
    UserDirectory people,
    LedgerSubjects subjects,
    SignedHeadsExport signedHeads,
    LedgerActionNames actionNames,
    TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "person")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public LedgerFilter Filter => new() { Person = Person, Action = ActionCode, From = From, To = To };

    public IReadOnlyList<LedgerRow> Rows { get; private set; } = [];

    /// <summary>Entries the filter selects (all entries when unfiltered).</summary>
    public int Total { get; private set; }

    /// <summary>The people who appear in the 台账, for the person filter.</summary>
    public IReadOnlyList<PersonName> People { get; private set; } = [];

    /// <summary>The zh-CN names of the actions that appear in the 台账, for the action filter.</summary>
    public IReadOnlyList<string> Actions { get; private set; } = [];

    public List<string> Errors { get; } = [];

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
        var stamp = Disclosure.Core.Time.DateText.FileStamp(clock.GetUtcNow().UtcDateTime);
        return File(await signedHeads.CreateAsync(cancellationToken), "application/json", $"台账链头-{stamp}.json");
    }

    /// <summary>The filtered entries, all pages, with the same names and titles as the page.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var entries = await ledger.AllAsync(Filter, await ledger.ActionCodesAsync(cancellationToken), Errors, cancellationToken);
        var rows = await LedgerRow.BuildAsync(entries, people, subjects, cancellationToken);
        var stamp = Disclosure.Core.Time.DateText.FileStamp(clock.GetUtcNow().UtcDateTime);
        var tableFormat = format == "xlsx" ? TableFormat.Xlsx : TableFormat.Csv;
        return File(await LedgerExport.ToFileAsync(tableFormat, rows, actionNames, cancellationToken), TableFormats.ContentType(tableFormat), $"信息发布台账-{stamp}{TableFormats.Extension(tableFormat)}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var codes = await ledger.ActionCodesAsync(cancellationToken);
        (Total, var entries) = await ledger.PageAsync(Filter, codes, Errors, PageLimits.Offset(PageNumber, PageSize), PageSize, cancellationToken);
        Rows = await LedgerRow.BuildAsync(entries, people, subjects, cancellationToken);

        var actors = await ledger.ActorsAsync(cancellationToken);
        var found = new List<PersonName>();
        foreach (var actor in actors)
        {
            found.Add(await people.FindAsync(actor, cancellationToken));
        }

        People = found.OrderBy(p => p.IsMachine ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        Actions = codes.Select(actionNames.DisplayName).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
