using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;

namespace Disclosure.Search.Indexing;

/// <summary>
/// A published version as the index needs it: the item's identity and 索引号, the version's data and the type
/// definition that says which fields are text. Built from the database by the indexer, or directly (benchmarks).
/// </summary>
public sealed record IndexableContent(
    string Id,
    ContentTypeDefinition Type,
    ContentData Data,
    string? IndexNumber,          // 索引号
    DateTime PublishedUtc)        // 发布日期
{
    public string Title => Data.Title;
}

/// <summary>Display names the index adds to an item's searchable text (发布机构 and 目录 names), by code.</summary>
public sealed record SearchLabels(IReadOnlyDictionary<string, string> Agencies, IReadOnlyDictionary<string, string> Catalogue)
{
    public static readonly SearchLabels None = new(new Dictionary<string, string>(), new Dictionary<string, string>());
}
