using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Admin.Ledger;

/// <summary>
/// Turns the subjects stored on 台账 entries (a content id, <c>request:2026-0012</c>, <c>annual-report:640121-103/2025</c>,
/// <c>penalty/12</c>, <c>user:zhangsan</c>) into titles and links to the pages that exist, a page of entries at a time.
/// Each module names its own subjects (<see cref="ILedgerSubjectResolver"/>); what none claims is a content item's id.
/// </summary>
public sealed class LedgerSubjects(DisclosureDbContext db, IEnumerable<ILedgerSubjectResolver> modules)
{
    public async Task<IReadOnlyDictionary<string, LedgerSubject>> ResolveAsync(IEnumerable<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var subjects = entries.Select(e => e.ContentItemId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var resolved = new Dictionary<string, LedgerSubject>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            await module.ResolveAsync(subjects, resolved, cancellationToken);
        }

        await ContentItemsAsync(subjects.Where(s => !resolved.ContainsKey(s)).ToList(), resolved, cancellationToken);
        return resolved;
    }

    private async Task ContentItemsAsync(List<string> ids, Dictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var titles = await db.ContentVersions.AsNoTracking()
            .Where(v => ids.Contains(v.Item.ContentItemId) && v.Number == v.Item.LatestVersionNumber)
            .Select(v => new { v.Item.ContentItemId, v.Title })
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var title = titles.FirstOrDefault(t => t.ContentItemId == id)?.Title;
            resolved[id] = title is null
                ? new LedgerSubject(id, null)
                : new LedgerSubject(title, "/admin/content/" + Uri.EscapeDataString(id));
        }
    }
}
