using Disclosure.Admin;
using Disclosure.Contents.Review;
using Disclosure.Contents.Review.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Contents.Pages.Admin;

/// <summary>The office's own keyword list for the secrecy scan, kept by the 保密审查员.</summary>
[Authorize(Policy = ContentsModule.KeywordsPolicy)]
public sealed class KeywordsModel(SecrecyKeywords keywords) : PageModel
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
            _ when await keywords.ContainsAsync(keyword, cancellationToken) => $"敏感词“{keyword}”已存在。",
            _ => null,
        };
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await keywords.AddAsync(keyword, User.Identity!.Name!, cancellationToken);
        TempData["Message"] = $"已添加敏感词“{keyword}”。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string remove, CancellationToken cancellationToken)
    {
        await keywords.RemoveAsync(remove, User.Identity!.Name!, cancellationToken);
        TempData["Message"] = $"已删除敏感词“{remove}”。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Keywords = await keywords.ListAsync(cancellationToken);
}
