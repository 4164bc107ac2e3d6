using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Catalogue;

/// <summary>A class of the 信息公开目录 with its children, in recipe order.</summary>
public sealed record CatalogueNode(string Code, string Name, string? Description, IReadOnlyList<CatalogueNode> Children)
{
    public bool Contains(string? code) => code is not null && (code == Code || code.StartsWith(Code + ".", StringComparison.Ordinal));
}

/// <summary>The 信息公开目录 as a tree, plus the path from the root to any class (the breadcrumb).</summary>
public sealed class CatalogueTree(IReadOnlyList<CatalogueNode> roots)
{
    public IReadOnlyList<CatalogueNode> Roots { get; } = roots;

    public static async Task<CatalogueTree> LoadAsync(DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var classes = await db.CatalogueClasses.AsNoTracking().ToListAsync(cancellationToken);
        var byParent = classes.ToLookup(c => c.ParentCode);
        IReadOnlyList<CatalogueNode> Children(string? parent) =>
            byParent[parent].OrderBy(c => c.Position).ThenBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => new CatalogueNode(c.Code, c.Name, c.Description, Children(c.Code))).ToList();
        return new CatalogueTree(Children(null));
    }

    public IReadOnlyList<CatalogueNode> PathTo(string code)
    {
        var path = new List<CatalogueNode>();
        var level = Roots;
        while (level.FirstOrDefault(n => n.Contains(code)) is { } node)
        {
            path.Add(node);
            if (node.Code == code)
            {
                return path;
            }

            level = node.Children;
        }

        return [];
    }

    public CatalogueNode? Find(string code) => PathTo(code) is [.., var last] ? last : null;

    public string NameOf(string? code) => code is not null && Find(code) is { } node ? node.Name : code ?? string.Empty;
}
