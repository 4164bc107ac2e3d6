using Disclosure.Admin;
using Disclosure.Contents.Admin;
using Disclosure.Contents.Items;
using Disclosure.Core.ContentManagement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Disclosure.Contents.Pages.Admin.Content;

/// <summary>
/// Any version as the public will see it: the public site's own item view (<see cref="IPublicItemView"/>), built by the same
/// <see cref="ItemPageBuilder"/> as the public page, with a banner saying it is a preview.
/// </summary>
[FramedByAdmin]
public sealed class PreviewModel(ContentAdminQuery query, ItemPageBuilder builder, IPublicItemView view, ItemAccess access) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int? version, CancellationToken cancellationToken)
    {
        if (!await access.MaySeeItemAsync(User, Id, cancellationToken))
        {
            return NotFound();
        }

        var item = await query.WithVersionsAsync(Id, cancellationToken);
        var number = version ?? item?.LatestVersionNumber;
        if (item?.Versions.SingleOrDefault(v => v.Number == number) is not { } selected)
        {
            return NotFound();
        }

        var note = $"预览：第 {selected.Number} 版（{ContentStatusNames.DisplayName(selected.Status)}），按公众看到的样式显示，仅工作人员可见。";
        var page = await builder.BuildAsync(item, selected, note, cancellationToken);
        return new ViewResult
        {
            ViewName = view.ViewPath,
            ViewData = new ViewDataDictionary<ItemPage>(ViewData, page),
        };
    }
}
