using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Tables;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Credit.PowerList;

/// <summary>
/// 行政权力清单 (seed 002: 编码、名称、法律依据、受理条件、是否收费、办理期限 …) kept as 办事指南 (ServiceGuide)
/// items. The list as a table is <see cref="ContentTableMapping"/> of that type, the title being the 事项名称 and
/// the 事项编码 identifying an item across files.
/// </summary>
public static class PowerList
{
    public const string ContentType = "ServiceGuide";
    public const string CodeField = "Code";
    public const string TitleLabel = "事项名称";

    public static async Task<ContentTableMapping> MappingAsync(ContentDefinitionStore definitions, CancellationToken cancellationToken) =>
        ContentTableMapping.For(
            await definitions.FindAsync(ContentType, cancellationToken) ?? throw new InvalidOperationException("内容类型“办事指南”（ServiceGuide）不存在，请先执行站点初始化配方。"),
            TitleLabel);

    public static string? Code(ContentData data) => data.GetString(ContentType, CodeField)?.Trim();

    /// <summary>The latest version of every power-list item, by 事项编码, for the duplicate check and the export.</summary>
    internal static async Task<List<(string ContentItemId, ContentData Data)>> LatestAsync(DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ContentVersions.AsNoTracking()
            .Where(v => v.ContentType == ContentType && v.Number == v.Item.LatestVersionNumber)
            .Select(v => new { v.Item.ContentItemId, v.DataJson })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.ContentItemId, ContentData.Parse(r.DataJson))).OrderBy(r => Code(r.Item2), StringComparer.Ordinal).ToList();
    }
}
