using Disclosure.Admin;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Credit.Pages.Admin.Credit;

/// <summary>
/// 双公示 records of one kind for the office: filtered by state, overdue or import batch, searched by name, number, code
/// or ID number; each row shows its publication deadline and why it may not be published, if it may not.
/// </summary>
[Authorize(Policy = CreditModule.AdminPolicy)]
public sealed class IndexModel(CreditAdminQuery query, CreditRecordStore store, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string KindSlug { get; set; } = CreditAdmin.Penalties;

    [BindProperty(SupportsGet = true)]
    public CreditRecordStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Batch { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public CreditRecordKind Kind { get; private set; }

    public CreditAdminPage Result { get; private set; } = null!;

    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CreditAdmin.Kind(KindSlug) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        PageNumber = Math.Max(1, PageNumber);
        CanPublish = (await authorization.AuthorizeAsync(User, CreditModule.PublishingPolicy)).Succeeded;
        Result = await query.ListAsync(new CreditAdminFilter(kind, Status, Overdue, Query, Batch), User.ToActor(), PageNumber, PageSize, cancellationToken);
        return Page();
    }

    /// <summary>公示 every record of an import batch that may be published (the office's one click after a clean import).</summary>
    public async Task<IActionResult> OnPostPublishBatchAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, CreditModule.PublishingPolicy)).Succeeded)
        {
            return Forbid();
        }

        if (CreditAdmin.Kind(KindSlug) is not { } kind || string.IsNullOrEmpty(Batch))
        {
            return BadRequest();
        }

        var count = await store.PublishBatchAsync(kind, Batch, User.Identity!.Name!, cancellationToken);
        TempData["Message"] = count > 0
            ? $"已公示本批次 {count} 条{CreditVocabulary.Name(kind)}信息；涉及未成年人、秘密或隐私以及轻微违法的记录未公示。"
            : "本批次没有可公示的草稿。";
        return RedirectToPage(new { kind = KindSlug, batch = Batch });
    }

    public string PageUrl(int page) =>
        $"/admin/credit?kind={KindSlug}&status={Status}&overdue={(Overdue ? "true" : null)}&q={Uri.EscapeDataString(Query ?? string.Empty)}&batch={Batch}&page={page}";
}
