using Disclosure.Enforcement.Data;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Enforcement.Services;

/// <summary>A party's personal data as staff see it on a recorded click.</summary>
public sealed record PartyDetails(long PartyId, string RoleCode, string Name, string? IdNumber, string? Phone);

/// <summary>
/// The one way to read parties' personal data (当事人信息). Every read is written to the 信息发布台账 in the same
/// transaction — who, when, which case, why — so the office can account for each view. Callers must already have
/// checked the role; this service records, the pages authorise.
/// </summary>
public sealed class PartyDataAccess(DisclosureDbContext db, LedgerWriter ledger)
{
    /// <summary>The parties of one case with their personal data, or null when there is no such case.</summary>
    public Task<IReadOnlyList<PartyDetails>?> ViewAsync(string caseNumber, string actor, string purpose, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var found = await db.Set<EnforcementCaseRecord>().AsNoTracking().Where(c => c.Number == caseNumber).Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (found is not { } caseId)
            {
                return null;
            }

            var parties = await (from p in db.Set<CasePartyRecord>().AsNoTracking()
                                 join c in db.Set<CasePartyContactRecord>().AsNoTracking() on p.Id equals c.PartyId
                                 where p.CaseId == caseId
                                 orderby p.Id
                                 select new PartyDetails(p.Id, p.RoleCode, c.Name, c.IdNumber, c.Phone)).ToListAsync(cancellationToken);
            await ledger.AppendAsync(actor, EnforcementLedgerActions.PartyViewed, EnforcementLedgerActions.Subject(caseNumber), null, null,
                $"案件 {caseNumber}：{purpose}", cancellationToken);
            return (IReadOnlyList<PartyDetails>?)parties;
        }, cancellationToken);
}
