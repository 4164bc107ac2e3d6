using System.Globalization;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Credit.Admin;

/// <summary>
/// A 双公示 record's 台账 subject (<c>licence/7</c>, <c>penalty/12</c>) as the 台账 page shows it: the kind and the
/// 决定书文号, linked to the record's admin page, or marked 已删除 once the record is gone.
/// </summary>
public sealed class CreditLedgerSubjects(DisclosureDbContext db) : ILedgerSubjectResolver
{
    public async Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, (CreditRecordKind Kind, long Id)>(StringComparer.Ordinal);
        foreach (var kind in new[] { CreditRecordKind.Licence, CreditRecordKind.Penalty })
        {
            var prefix = CreditRecordStore.LedgerId(kind, 0)[..^1];
            foreach (var subject in subjects.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)))
            {
                if (long.TryParse(subject[prefix.Length..], CultureInfo.InvariantCulture, out var id))
                {
                    ids[subject] = (kind, id);
                }
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        var licenceIds = ids.Values.Where(v => v.Kind == CreditRecordKind.Licence).Select(v => v.Id).ToList();
        var penaltyIds = ids.Values.Where(v => v.Kind == CreditRecordKind.Penalty).Select(v => v.Id).ToList();
        var licences = await db.Set<CreditLicenceRecord>().AsNoTracking().Where(r => licenceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DecisionNumber, cancellationToken);
        var penalties = await db.Set<CreditPenaltyRecord>().AsNoTracking().Where(r => penaltyIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DecisionNumber, cancellationToken);
        foreach (var (subject, (kind, id)) in ids)
        {
            var licence = kind == CreditRecordKind.Licence;
            var number = (licence ? licences : penalties).GetValueOrDefault(id);
            resolved[subject] = number is null
                ? new LedgerSubject($"{(licence ? "行政许可" : "行政处罚")}记录 {id}（已删除）", null)
                : new LedgerSubject($"{(licence ? "行政许可" : "行政处罚")} {number}", CreditAdmin.Url(kind, id));
        }
    }
}
