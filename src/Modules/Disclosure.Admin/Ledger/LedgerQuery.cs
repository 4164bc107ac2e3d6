using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Admin.Ledger;

/// <summary>What the 台账 page reads: the entries a <see cref="LedgerFilter"/> selects, and the actors and actions to filter by.</summary>
public sealed class LedgerQuery(DisclosureDbContext db, LedgerActionNames actionNames)
{
    /// <summary>The action codes that appear in the 台账 (each once).</summary>
    public async Task<List<string>> ActionCodesAsync(CancellationToken cancellationToken = default) =>
        await db.Ledger.AsNoTracking().Select(e => e.Action).Distinct().ToListAsync(cancellationToken);

    /// <summary>The login names of everyone (and every machine actor) that appears in the 台账, each once.</summary>
    public async Task<List<string>> ActorsAsync(CancellationToken cancellationToken = default) =>
        await db.Ledger.AsNoTracking().Select(e => e.Actor).Distinct().ToListAsync(cancellationToken);

    /// <summary>
    /// One page of the entries <paramref name="filter"/> selects, newest first, and how many it selects in all;
    /// <paramref name="actionCodes"/> and <paramref name="errors"/> as for <see cref="LedgerFilter.Apply"/>.
    /// </summary>
    public async Task<(int Total, List<LedgerEntry> Entries)> PageAsync(
        LedgerFilter filter, IEnumerable<string> actionCodes, List<string> errors, int offset, int pageSize, CancellationToken cancellationToken = default)
    {
        var filtered = filter.Apply(db.Ledger.AsNoTracking(), actionCodes, actionNames, errors);
        var total = await filtered.CountAsync(cancellationToken);
        var entries = await filtered.OrderByDescending(e => e.Sequence).Skip(offset).Take(pageSize).ToListAsync(cancellationToken);
        return (total, entries);
    }

    /// <summary>Every entry <paramref name="filter"/> selects, oldest first, for the export.</summary>
    public async Task<List<LedgerEntry>> AllAsync(LedgerFilter filter, IEnumerable<string> actionCodes, List<string> errors, CancellationToken cancellationToken = default) =>
        await filter.Apply(db.Ledger.AsNoTracking(), actionCodes, actionNames, errors).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
}
