using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Time;
using Disclosure.Storage.Content;
using Markdig;

namespace Disclosure.Contents.Items;

/// <summary>
/// One row of a 目录 or type listing: 索引号, 名称, 文号, 发布日期, and — as 条例第十二条 asks of the 目录 (索引、名称、内容概述、
/// 生成日期) — the item's 内容概述 and 生成日期 (its 成文日期).
/// </summary>
public sealed record ListRow(string Id, string Title, string? IndexNumber, string? DocumentNumber, string? PublishedDate, string Url,
    string? Summary = null, string? WrittenDate = null)
{
    /// <summary>How long a 内容概述 may be in a list (the 目录 metadata's own limit).</summary>
    public const int SummaryLength = 100;

    public static ListRow From(PublishedContent content) => new(
        content.Item.ContentItemId,
        content.Version.Title,
        content.Item.IndexNumber,
        content.Version.DocumentNumber,
        content.Version.PublishedUtc is { } p ? DateText.Date(ChinaTime.ToDate(p)) : null,
        ItemUrls.Item(content.Item.ContentItemId),
        SummaryOf(content.Version.DataJson),
        content.Version.WrittenDate is { } w ? DateText.Date(w) : null);

    /// <summary>
    /// The item's own 内容概述 when the office wrote one; otherwise the start of its text. Per item, not the class's
    /// description: 第十二条 lists 内容概述 among what the 目录 gives for each piece of information, and one sentence
    /// repeated down a class's list would tell the reader nothing about any row.
    /// </summary>
    public static string? SummaryOf(string dataJson)
    {
        var data = ContentData.Parse(dataJson);
        var text = data.GetString(DisclosureMetadataPart.PartName, DisclosureMetadataPart.Summary) is { Length: > 0 } own
            ? own
            : data.GetString(BuiltInParts.BodyPart, BuiltInParts.BodyField) is { Length: > 0 } body ? Markdown.ToPlainText(body) : null;
        if (text is null)
        {
            return null;
        }

        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text.Length <= SummaryLength ? text : text[..SummaryLength] + "…";
    }
}

/// <summary>A page of rows with what the pager needs.</summary>
public sealed record RowPage(IReadOnlyList<ListRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static RowPage From(PagedResult<PublishedContent> result) =>
        new(result.Items.Select(ListRow.From).ToList(), result.Total, result.Page, result.PageSize);
}
