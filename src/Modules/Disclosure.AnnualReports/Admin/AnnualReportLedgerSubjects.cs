using System.Globalization;
using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Services;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.AnnualReports.Admin;

/// <summary>
/// A report's 台账 subject (<c>annual-report:640121-103/2025</c>) as the 台账 page shows it: the agency's name and the
/// year, linked to the report's admin page while the report exists.
/// </summary>
public sealed class AnnualReportLedgerSubjects(DisclosureDbContext db) : ILedgerSubjectResolver
{
    public async Task ResolveAsync(IReadOnlyCollection<string> subjects, IDictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        var keys = subjects.Where(s => s.StartsWith(AnnualReportService.SubjectPrefix, StringComparison.Ordinal)).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var reports = await db.Set<AnnualReportRecord>().AsNoTracking().Select(r => new { r.Id, r.AgencyCode, r.Year }).ToListAsync(cancellationToken);
        foreach (var subject in keys)
        {
            // annual-report:{agency}/{year}
            var key = subject[AnnualReportService.SubjectPrefix.Length..];
            var slash = key.LastIndexOf('/');
            var agency = slash > 0 ? key[..slash] : key;
            var year = slash > 0 ? key[(slash + 1)..] : string.Empty;
            var report = reports.FirstOrDefault(r => r.AgencyCode == agency && r.Year.ToString(CultureInfo.InvariantCulture) == year);
            resolved[subject] = new LedgerSubject(
                $"{agencies.GetValueOrDefault(agency, agency)} {year} 年政府信息公开工作年度报告",
                report is null ? null : $"/admin/annual-reports/{report.Id}");
        }
    }
}
