using Disclosure.Core.ContentManagement;

namespace Disclosure.Storage.Entities;

/// <summary>
/// One version of a content item. Every version is kept. The columns beside <see cref="DataJson"/> are copies
/// of values inside it, kept for filtering and listing without parsing JSON.
/// </summary>
public sealed class ContentVersionRecord
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public ContentItemRecord Item { get; set; } = null!;

    /// <summary>1, 2, 3 … within the item.</summary>
    public int Number { get; set; }

    public ContentStatus Status { get; set; }

    public required string ContentType { get; set; }

    public required string Title { get; set; }

    /// <summary>The authored data (<see cref="ContentData"/>) as compact JSON.</summary>
    public required string DataJson { get; set; }

    /// <summary>SHA-256 of the canonical data; checked at publication so nothing changes unseen.</summary>
    public required string ContentHash { get; set; }

    public string? CatalogueCode { get; set; }       // 目录分类

    public string? AgencyCode { get; set; }          // 发布机构

    public string? DocumentNumber { get; set; }      // 文号

    public DateOnly? WrittenDate { get; set; }       // 成文日期

    public DateTime CreatedUtc { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>When an approved version is due to go public (定时发布).</summary>
    public DateTime? ScheduledUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }      // 发布日期 (shown in the agency's time zone)

    public string? PublishedBy { get; set; }

    public DateTime? WithdrawnUtc { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawReason { get; set; }      // 撤回理由, shown in the public notice
}
