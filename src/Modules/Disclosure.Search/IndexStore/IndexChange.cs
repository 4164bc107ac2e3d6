using Disclosure.Search.Indexing;
using Lucene.Net.Documents;

namespace Disclosure.Search.IndexStore;

/// <summary>One item's change to the index: its current published version to (re)index, or nothing (delete it).</summary>
public sealed class IndexChange
{
    private IndexChange(string id, Document? document)
    {
        Id = id;
        Document = document;
    }

    public string Id { get; }

    /// <summary>The document to index in place of any earlier one; null to remove the item.</summary>
    public Document? Document { get; }

    public static IndexChange Upsert(IndexableContent content, SearchLabels labels) => new(content.Id, SearchDocumentBuilder.Build(content, labels));

    public static IndexChange Delete(string id) => new(id, null);
}
