using Disclosure.Accounts;
using Disclosure.Admin;
using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Services;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Requests.Data;
using Disclosure.Requests.Services;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Admin.Ledger;

/// <summary>What a 台账 entry is about, as a person reads it: a title, and the admin page it opens (null when none).</summary>
public sealed record LedgerSubject(string Title, string? Href)
{
    public static readonly LedgerSubject None = new(string.Empty, null);
}

/// <summary>
/// Turns the subjects stored on 台账 entries (a content id, <c>request:2026-0012</c>, <c>annual-report:640121-103/2025</c>,
/// <c>penalty/12</c>, <c>user:zhangsan</c>) into titles and links to the pages that exist, a page of entries at a time.
/// </summary>
public sealed class LedgerSubjects(DisclosureDbContext db, UserDirectory people)
{
    public async Task<IReadOnlyDictionary<string, LedgerSubject>> ResolveAsync(IEnumerable<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        var subjects = entries.Select(e => e.ContentItemId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var resolved = new Dictionary<string, LedgerSubject>(StringComparer.Ordinal);

        foreach (var subject in subjects.Where(s => s.StartsWith(RequestLedgerActions.SubjectPrefix, StringComparison.Ordinal)))
        {
            var number = subject[RequestLedgerActions.SubjectPrefix.Length..];
            // Only the 申请编号: the ledger is read by people not entitled to the applicant's data.
            resolved[subject] = new LedgerSubject($"申请 {number}", "/admin/requests/" + Uri.EscapeDataString(number));
        }

        foreach (var subject in subjects.Where(s => s.StartsWith(AccountLedgerActions.SubjectPrefix, StringComparison.Ordinal)))
        {
            var userName = subject[AccountLedgerActions.SubjectPrefix.Length..];
            var person = await people.FindAsync(userName, cancellationToken);
            resolved[subject] = new LedgerSubject($"用户 {person.Label}", "/admin/users/" + Uri.EscapeDataString(userName));
        }

        await AnnualReportsAsync(subjects, resolved, cancellationToken);
        await CreditRecordsAsync(subjects, resolved, cancellationToken);
        await ContentItemsAsync(subjects.Where(s => !resolved.ContainsKey(s)).ToList(), resolved, cancellationToken);
        return resolved;
    }

    private async Task AnnualReportsAsync(List<string> subjects, Dictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
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
            var report = reports.FirstOrDefault(r => r.AgencyCode == agency && r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) == year);
            resolved[subject] = new LedgerSubject(
                $"{agencies.GetValueOrDefault(agency, agency)} {year} 年政府信息公开工作年度报告",
                report is null ? null : $"/admin/annual-reports/{report.Id}");
        }
    }

    private async Task CreditRecordsAsync(List<string> subjects, Dictionary<string, LedgerSubject> resolved, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, (CreditRecordKind Kind, long Id)>(StringComparer.Ordinal);
        foreach (var kind in new[] { CreditRecordKind.Licence, CreditRecordKind.Penalty })
        {
            var prefix = CreditRecordStore.LedgerId(kind, 0)[..^1];
            foreach (var subject in subjects.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)))
            {
                if (long.TryParse(subject[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture, out var id))
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
