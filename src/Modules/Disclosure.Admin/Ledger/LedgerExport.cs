using System.Globalization;
using Disclosure.Core.Tables;
using Disclosure.Media.Tables;
using Disclosure.Storage.Ledger;

namespace Disclosure.Admin.Ledger;

/// <summary>The 信息发布台账 as the office files it: CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX.</summary>
public static class LedgerExport
{
    /// <summary>The page's columns (姓名, department, zh-CN action, title), then the stored values an auditor checks hashes with.</summary>
    public static readonly string[] Headers = ["序号", "时间（北京时间）", "操作人", "部门", "操作", "对象", "版本", "意见或说明", "操作人登录名", "对象编号", "内容哈希", "前一条哈希", "本条哈希"];

    public static IEnumerable<string[]> Rows(IEnumerable<LedgerRow> rows, LedgerActionNames names) => rows.Select(r => new[]
    {
        r.Entry.Sequence.ToString(CultureInfo.InvariantCulture),
        Format.Time(r.Entry.OccurredUtc),
        r.Actor.Name,
        r.Actor.Department ?? string.Empty,
        names.DisplayName(r.Entry.Action),
        r.Subject.Title,
        r.Entry.VersionNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        r.Entry.Detail ?? string.Empty,
        r.Entry.Actor,
        r.Entry.ContentItemId ?? string.Empty,
        r.Entry.ContentHash ?? string.Empty,
        r.Entry.PreviousHash,
        r.Entry.Hash,
    });

    /// <summary>The file, CSV or XLSX, through the kernel's one table writer (<see cref="TableExport"/>).</summary>
    public static Task<byte[]> ToFileAsync(TableFormat format, IEnumerable<LedgerRow> entries, LedgerActionNames names, CancellationToken cancellationToken = default) =>
        TableExport.ToBytesAsync(format, "信息发布台账", Headers, Rows(entries, names), cancellationToken);
}
