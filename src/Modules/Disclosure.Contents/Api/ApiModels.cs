using System.Text.Json.Nodes;

namespace Disclosure.Contents.Api;

/// <summary>A published item in a list.</summary>
public sealed record ContentSummary(
    string Id,
    string Type,
    string Title,
    string? IndexNumber,      // 索引号
    string? DocumentNumber,   // 文号
    string? Catalogue,        // 目录分类代码
    string? CatalogueName,
    string? Agency,           // 发布机构代码
    string? AgencyName,
    string? WrittenDate,      // 成文日期 YYYY-MM-DD
    DateTimeOffset? PublishedAt,
    int Version,
    string Url);

/// <summary>A published item in full: its summary, the 目录 metadata block and every part's data.</summary>
public sealed record ContentDetail(ContentSummary Summary, JsonObject Data);

/// <summary>What remains public of a withdrawn item: a notice with the reason (served with 410 Gone).</summary>
public sealed record WithdrawnNotice(string Id, string Title, string? IndexNumber, DateTimeOffset? WithdrawnAt, string? Reason, string Message);

public sealed record ContentPage(int Page, int PageSize, int Total, IReadOnlyList<ContentSummary> Items);

/// <summary>One change-log entry. Kind: published (first time public), updated (new version), withdrawn.</summary>
public sealed record ChangeItem(long Sequence, string Id, string Type, string Kind, int Version, DateTimeOffset OccurredAt, string Url);

/// <summary>
/// A page of the change feed. Pass <see cref="Cursor"/> back as <c>since</c> to continue; while
/// <see cref="HasMore"/> is false the client is up to date and should poll again later with the same cursor.
/// </summary>
public sealed record ChangePage(IReadOnlyList<ChangeItem> Changes, string Cursor, bool HasMore);
