using Disclosure.Storage;
using Disclosure.Storage.Content;

namespace Disclosure.Credit.PowerList;

/// <summary>The 权力清单 as a table in the import format (the latest version of each item, by 事项编码).</summary>
public sealed class PowerListExporter(DisclosureDbContext db, ContentDefinitionStore definitions)
{
    public async Task<(IReadOnlyList<string> Headers, IReadOnlyList<string?[]> Rows)> ExportAsync(CancellationToken cancellationToken = default)
    {
        var mapping = await PowerList.MappingAsync(definitions, cancellationToken);
        var items = await PowerList.LatestAsync(db, cancellationToken);
        return (mapping.Labels, items.Select(i => mapping.ToRow(i.Data)).ToList());
    }
}
