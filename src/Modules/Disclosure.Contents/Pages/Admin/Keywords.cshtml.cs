using Disclosure.Admin;
using Disclosure.Contents.Review.Models;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Pages.Admin;

/// <summary>The office's own keyword list for the secrecy scan, kept by the 保密审查员.</summary>
[Authorize(Policy = ContentsModule.KeywordsPolicy)]
public sealed class KeywordsModel(DisclosureDbContext db, LedgerWriter ledger, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Keyword { get; set; }

    public IReadOnlyList<SecrecyKeywordRecord> Keywords { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var keyword = Keyword?.Trim() ?? string.Empty;
        Error = keyword.Length switch
        {
            0 => "请输入敏感词。",
            > 50 => "敏感词不能超过 50 个字符。",
            _ when await db.Set<SecrecyKeywordRecord>().AnyAsync(k => k.Keyword == keyword, cancellationToken) => $"敏感词“{keyword}”已存在。",
            _ => null,
        };
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await db.InTransactionAsync(async () =>
        {
            db.Set<SecrecyKeywordRecord>().Add(new SecrecyKeywordRecord { Keyword = keyword, AddedBy = User.Identity!.Name, AddedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            return await ledger.AppendAsync(User.Identity!.Name!, LedgerActions.KeywordAdded, null, null, null, keyword, cancellationToken);
        }, cancellationToken);
        TempData["Message"] = $"已添加敏感词“{keyword}”。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string remove, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async () =>
        {
            var removed = await db.Set<SecrecyKeywordRecord>().Where(k => k.Keyword == remove).ExecuteDeleteAsync(cancellationToken);
            return removed > 0
                ? await ledger.AppendAsync(User.Identity!.Name!, LedgerActions.KeywordRemoved, null, null, null, remove, cancellationToken)
                : null;
        }, cancellationToken);
        TempData["Message"] = $"已删除敏感词“{remove}”。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Keywords = await db.Set<SecrecyKeywordRecord>().AsNoTracking().OrderBy(k => k.Keyword).ToListAsync(cancellationToken);
}
