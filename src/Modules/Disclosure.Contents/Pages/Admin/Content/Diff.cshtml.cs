using Disclosure.Admin;
using Disclosure.Contents.Admin;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Contents.Pages.Admin.Content;

public sealed class DiffModel(ContentAdminQuery query, ContentDefinitionStore definitions, ItemAccess access) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int To { get; set; }

    public IReadOnlyList<DiffLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await access.MaySeeItemAsync(User, Id, cancellationToken))
        {
            return NotFound();
        }

        var versions = await query.VersionsAsync(Id, From, To, cancellationToken);
        var before = versions.FirstOrDefault(v => v.Number == From);
        var after = versions.FirstOrDefault(v => v.Number == To);
        if (before is null || after is null || await definitions.FindAsync(after.ContentType, cancellationToken) is not { } type)
        {
            return NotFound();
        }

        Lines = VersionDiff.Compare(type, ContentData.Parse(before.DataJson), ContentData.Parse(after.DataJson));
        return Page();
    }
}
