namespace Disclosure.Contents.Items;

/// <summary>One disclosure as the public sees it; also what the admin preview renders, so the two never differ.</summary>
public sealed class ItemPage
{
    public required string Id { get; init; }

    public required string ContentType { get; init; }

    public required string ContentTypeName { get; init; }

    public required string Title { get; init; }

    /// <summary>The 目录 metadata block in the order offices print it (索引号, 主题分类, 发布机构, …).</summary>
    public required IReadOnlyList<MetadataRow> Metadata { get; init; }

    public string? IndexNumber { get; init; }   // 索引号

    public string? DocumentNumber { get; init; } // 文号

    public string? AgencyName { get; init; }

    public string? PublishedDate { get; init; }

    public string? Validity { get; init; }       // 有效性

    public string? CatalogueCode { get; init; }

    /// <summary>The path in the 信息公开目录 for the breadcrumb: code and name from the root down.</summary>
    public IReadOnlyList<(string Code, string Name)> CataloguePath { get; init; } = [];

    public required string BodyHtml { get; init; }

    /// <summary>The type's own fields, each already rendered to safe HTML.</summary>
    public IReadOnlyList<FieldBlock> Fields { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The content type's own blocks (chart, 公示期, 文件效力), see <see cref="Extensions.IItemPageExtension"/>.</summary>
    public IReadOnlyList<Extensions.ItemBlock> Blocks { get; init; } = [];

    /// <summary>政策解读 items that explain this one, or the documents this interpretation explains.</summary>
    public IReadOnlyList<ItemLink> Interpretations { get; init; } = [];

    public IReadOnlyList<ItemLink> InterpretedDocuments { get; init; } = [];

    public IReadOnlyList<ItemLink> Related { get; init; } = [];

    public WithdrawnNotice? Withdrawn { get; init; }

    /// <summary>Set when staff preview an unpublished version: the page says so and is never indexed.</summary>
    public string? PreviewNote { get; init; }
}

public sealed record MetadataRow(string Label, string Value);

public sealed record FieldBlock(string Label, string Html);

public sealed record Attachment(string Name, string Url, long? Size);

public sealed record ItemLink(string Id, string Title, string? Date);

/// <summary>The notice left where a withdrawn item was (撤回说明).</summary>
public sealed record WithdrawnNotice(string? Date, string? Reason);
