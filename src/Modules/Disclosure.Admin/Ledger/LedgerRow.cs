using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;

namespace Disclosure.Admin.Ledger;

/// <summary>A 台账 entry as the page and the export show it: who (姓名 and department) and what about (title and link).</summary>
public sealed record LedgerRow(LedgerEntry Entry, PersonName Actor, LedgerSubject Subject)
{
    public static async Task<IReadOnlyList<LedgerRow>> BuildAsync(
        IReadOnlyList<LedgerEntry> entries, UserDirectory people, LedgerSubjects subjects, CancellationToken cancellationToken)
    {
        var resolved = await subjects.ResolveAsync(entries, cancellationToken);
        var rows = new List<LedgerRow>(entries.Count);
        foreach (var entry in entries)
        {
            rows.Add(new LedgerRow(
                entry,
                await people.FindAsync(entry.Actor, cancellationToken),
                entry.ContentItemId is { } subject ? resolved.GetValueOrDefault(subject, LedgerSubject.None) : LedgerSubject.None));
        }

        return rows;
    }
}
