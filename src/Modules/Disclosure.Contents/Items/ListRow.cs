using Disclosure.Core.Time;
using Disclosure.Storage.Content;

namespace Disclosure.Contents.Items;

/// <summary>One row of a 目录 or type listing: 索引号, 名称, 文号, 发布日期.</summary>
public sealed record ListRow(string Id, string Title, string? IndexNumber, string? DocumentNumber, string? PublishedDate, string Url)
{
    public static ListRow From(PublishedContent content) => new(
        content.Item.ContentItemId,
        content.Version.Title,
        content.Item.IndexNumber,
        content.Version.DocumentNumber,
        content.Version.PublishedUtc is { } p ? DateText.Date(ChinaTime.ToDate(p)) : null,
        ItemUrls.Item(content.Item.ContentItemId));
}

/// <summary>A page of rows with what the pager needs.</summary>
public sealed record RowPage(IReadOnlyList<ListRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static RowPage From(PagedResult<PublishedContent> result) =>
        new(result.Items.Select(ListRow.From).ToList(), result.Total, result.Page, result.PageSize);
}
