using Disclosure.Admin;
using Disclosure.Contents.Items;
using Disclosure.Core.ContentManagement;
using Disclosure.Site.Theming;
using Disclosure.Storage;
using Disclosure.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Pages.Admin.Content;

/// <summary>
/// Any version as the public will see it: the active theme's own item view, built by the same
/// <see cref="ItemPageBuilder"/> as the public page, with a banner saying it is a preview.
/// </summary>
[Disclosure.Web.Operations.FramedByAdmin]
public sealed class PreviewModel(DisclosureDbContext db, ItemPageBuilder builder, IOptionsMonitor<ThemeOptions> theme, ItemAccess access) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int? version, CancellationToken cancellationToken)
    {
        if (!await access.MaySeeItemAsync(User, Id, cancellationToken))
        {
            return NotFound();
        }

        var item = await db.ContentItems.AsNoTracking().Include(i => i.Versions).SingleOrDefaultAsync(i => i.ContentItemId == Id, cancellationToken);
        var number = version ?? item?.LatestVersionNumber;
        if (item?.Versions.SingleOrDefault(v => v.Number == number) is not { } selected)
        {
            return NotFound();
        }

        var note = $"预览：第 {selected.Number} 版（{ContentStatusNames.DisplayName(selected.Status)}），按公众看到的样式显示，仅工作人员可见。";
        var page = await builder.BuildAsync(item, selected, note, cancellationToken);
        return new ViewResult
        {
            ViewName = ThemePaths.View(theme.CurrentValue.Theme, "Content", "Show"),
            ViewData = new ViewDataDictionary<ItemPage>(ViewData, page),
        };
    }
}
