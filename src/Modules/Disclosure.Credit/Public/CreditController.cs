using Disclosure.Contents;
using Disclosure.Contents.Items;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Credit.Public;

/// <summary>
/// 双公示 on the public site: search and list pages per kind and a page per record. Everything shown comes from
/// <see cref="CreditPublicQuery"/>, which only returns public records and only their masked public copy.
/// </summary>
public sealed class CreditController(CreditPublicQuery query, SiteContext site) : Controller
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 100;

    [HttpGet("/credit")]
    public async Task<IActionResult> Index(string? reach, CancellationToken cancellationToken)
    {
        // On an agency's site: its own decisions (本级) unless the visitor chose 含下级 or 全部.
        if (await site.ListingAsync(reach, cancellationToken) is not { } listing)
        {
            return NotFound();
        }

        return View(new CreditHomePage(
            await query.CountAsync(CreditRecordKind.Licence, listing.Agencies, cancellationToken),
            await query.CountAsync(CreditRecordKind.Penalty, listing.Agencies, cancellationToken),
            listing));
    }

    [HttpGet("/credit/licences")]
    public Task<IActionResult> Licences(string? q, string? by, string? match, string? reach, int page = 1, CancellationToken cancellationToken = default) =>
        SearchAsync(CreditRecordKind.Licence, q, by, match, reach, page, cancellationToken);

    [HttpGet("/credit/penalties")]
    public Task<IActionResult> Penalties(string? q, string? by, string? match, string? reach, int page = 1, CancellationToken cancellationToken = default) =>
        SearchAsync(CreditRecordKind.Penalty, q, by, match, reach, page, cancellationToken);

    [HttpGet("/credit/licences/{id:long}")]
    public Task<IActionResult> Licence(long id, CancellationToken cancellationToken) => ShowAsync(CreditRecordKind.Licence, id, cancellationToken);

    [HttpGet("/credit/penalties/{id:long}")]
    public Task<IActionResult> Penalty(long id, CancellationToken cancellationToken) => ShowAsync(CreditRecordKind.Penalty, id, cancellationToken);

    private async Task<IActionResult> SearchAsync(CreditRecordKind kind, string? q, string? by, string? match, string? reach, int page, CancellationToken cancellationToken)
    {
        if (await site.ListingAsync(reach, cancellationToken) is not { } listing)
        {
            return NotFound();
        }

        var form = new CreditSearchForm(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            CreditSearchForm.Fields.Any(f => f.Value == by) ? by! : "name",
            match == "exact" ? "exact" : "prefix",
            listing.Parameter);
        string? error = null;
        if (form.Q is { Length: > MaxQueryLength })
        {
            error = $"查询内容不能超过 {MaxQueryLength} 个字。";
            form = form with { Q = form.Q[..MaxQueryLength] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        page = Math.Max(1, page);
        var result = error is null
            ? await query.SearchAsync(kind, form.ToSearch() with { Agencies = listing.Agencies }, page, PageSize, cancellationToken)
            : new CreditSearchResult([], 0, 1, PageSize);
        if (page > result.PageCount)
        {
            return NotFound();
        }

        return View("Search", new CreditSearchPage(kind, CreditUrls.List(kind), form, result, error, listing));
    }

    private async Task<IActionResult> ShowAsync(CreditRecordKind kind, long id, CancellationToken cancellationToken)
    {
        // Withdrawn after it was public: the notice with its reason in its place (行政处罚法 第四十八条), as 410 so
        // crawlers drop the old page. Otherwise not public (a draft, repaired, past its 公示期, or never publishable):
        // the same 404 as no record at all, so the page does not even confirm that a record about someone exists.
        if (await query.FindAsync(kind, id, cancellationToken) is not { } record)
        {
            if (await query.FindWithdrawnAsync(kind, id, cancellationToken) is { } notice)
            {
                Response.StatusCode = StatusCodes.Status410Gone;
                return View("Withdrawn", new CreditWithdrawnPage(kind, notice));
            }

            return NotFound();
        }

        var fields = CreditMasking.PublicFields(record).Select(f => new MetadataRow(f.Field.Label, f.Value)).ToList();
        var title = $"{CreditVocabulary.Name(kind)}信息：{record.DecisionNumber}";
        return View("Show", new CreditRecordPage(kind, title, record.Party.Name, fields));
    }
}
