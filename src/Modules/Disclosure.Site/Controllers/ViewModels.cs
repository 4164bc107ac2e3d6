using Disclosure.Contents.Catalogue;
using Disclosure.Contents.Items;

namespace Disclosure.Site.Controllers;

public sealed record QuickLink(string Title, string Url, string? Description = null);

public sealed record HomePage(IReadOnlyList<ListRow> Latest, IReadOnlyList<CatalogueNode> Catalogue, IReadOnlyList<(CatalogueNode Class, int Count)> Counts, IReadOnlyList<QuickLink> QuickLinks);

/// <summary>信息公开目录: the tree, the selected class (null for everything) and its page of rows.</summary>
public sealed record CataloguePage(CatalogueTree Tree, CatalogueNode? Selected, IReadOnlyList<CatalogueNode> Path, RowPage Rows);

public sealed record TypeListingPage(string Type, string DisplayName, string? Description, RowPage Rows);

public sealed record ErrorPage(int StatusCode, string Title, string Message);
