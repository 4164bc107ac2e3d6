namespace Disclosure.Search.Indexing;

/// <summary>The fields of a search document. One place, so the writer, the query builder and the collector agree.</summary>
public static class SearchFields
{
    /// <summary>The content item's public id: keyword, stored; the key for updates and deletes.</summary>
    public const string Id = "id";

    /// <summary>Content type name: keyword + sorted doc values (filter and facet).</summary>
    public const string ContentType = "type";

    /// <summary>目录分类 code and every ancestor code (06.03 → 06, 06.03): keyword + sorted-set doc values.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>The item's own 目录分类 code, stored for display.</summary>
    public const string OwnCatalogue = "catalogue_own";

    /// <summary>发布机构 code: keyword + sorted doc values.</summary>
    public const string Agency = "agency";

    /// <summary>Beijing year of the 发布日期: keyword + numeric doc values.</summary>
    public const string Year = "year";

    /// <summary>发布日期 as UTC ticks: numeric doc values (date sort) and stored.</summary>
    public const string Published = "published";

    /// <summary>标题: analysed, stored; queried with a boost.</summary>
    public const string Title = "title";

    /// <summary>正文 stripped of Markdown/HTML: analysed, stored (for snippets).</summary>
    public const string Body = "body";

    /// <summary>The type's other text fields and the metadata worth finding (概述, 关键词, 主题, 文号, names): analysed, stored (snippets).</summary>
    public const string Text = "text";

    /// <summary>
    /// 标题, 正文 and the other text again, as dictionary words (SmartCn): analysed, not stored, for ranking only — a
    /// query's words matching here add to the score of the character/bigram match that decides recall.
    /// </summary>
    public const string Words = "words";

    /// <summary>索引号 as typed (stored) and as a normalised look-up key (keyword).</summary>
    public const string IndexNumber = "index_number";
    public const string IndexNumberKey = "index_number_key";

    /// <summary>文号 as typed (stored) and as a normalised look-up key (keyword).</summary>
    public const string DocumentNumber = "doc_number";
    public const string DocumentNumberKey = "doc_number_key";

    /// <summary>The analysed fields a query searches.</summary>
    public static readonly IReadOnlyList<string> Searchable = [Title, Body, Text];
}
