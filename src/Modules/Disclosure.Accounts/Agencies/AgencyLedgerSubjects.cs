using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Settings;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Accounts.Agencies;

/// <summary>An agency's 台账 subject (<c>agency:150627-103</c>) as the 台账 page shows it: 机构 名称, linked to its admin page.</summary>
public sealed class AgencyLedgerSubjects(DisclosureDbContext db) : ILedgerSubjectResolver
{
    public async Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        var codes = subjects.Where(s => s.StartsWith(SettingsLedgerActions.AgencySubjectPrefix, StringComparison.Ordinal))
            .ToDictionary(s => s[SettingsLedgerActions.AgencySubjectPrefix.Length..]);
        if (codes.Count == 0)
        {
            return;
        }

        var wanted = codes.Keys.ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        foreach (var (code, subject) in codes)
        {
            resolved[subject] = new LedgerSubject($"机构 {names.GetValueOrDefault(code, code)}", AgencyPaths.Details(code));
        }
    }
}
