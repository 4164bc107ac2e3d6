using Disclosure.Admin;
using Disclosure.Contents.Review;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Security;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Contents.Pages.Admin.Content;

public sealed class IndexModel(ReviewQueue queue, ContentDefinitionStore definitions) : PageModel
{
    private const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public IReadOnlyDictionary<string, string> TypeNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<ItemOverview> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool CanCreate => User.IsInRole(RoleNames.Editor) || User.IsInRole(RoleNames.InformationOffice);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var types = await definitions.GetTypesAsync(cancellationToken);
        Types = types.Values.OrderBy(t => t.Name).ToList();
        TypeNames = types.ToDictionary(t => t.Key, t => t.Value.DisplayName);
        PageNumber = Math.Max(1, PageNumber);
        var type = string.IsNullOrWhiteSpace(Type) || !types.ContainsKey(Type) ? null : Type;
        (var items, Total) = await queue.ItemsAsync(User.ToActor(), type, Status, PageNumber, PageSize, cancellationToken);
        Items = items;
    }
}
