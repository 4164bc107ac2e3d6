using Disclosure.Core.Calendar;
using Disclosure.Core.Time;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage;
using Disclosure.Storage.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Credit.Supervision;

/// <summary>
/// 双公示's publication clock on the supervision board: a licence or penalty is to be public within the policy's working
/// days of its decision (7 by default). A record that may not be published (a minor, secrets, a 简易程序 penalty when
/// the policy keeps those back) runs no clock, nor does a penalty whose 公示期 ended unpublished — exactly as the
/// 双公示 list's 超期未公示 filter counts.
/// </summary>
public sealed class CreditPublicationClock(DisclosureDbContext db, CreditSettings settings, IWorkingDayCalendarSource calendars) : ISupervisionClock
{
    public string Key => "credit";

    public string Name => "双公示";

    public string Rule => "行政许可、行政处罚决定自作出之日起 7 个工作日内公示（工作日数以本站双公示设置为准）";

    public int Order => 20;

    public async Task<IReadOnlyList<ClockEntry>> EntriesAsync(ClockQuery query, CancellationToken cancellationToken)
    {
        var policy = await settings.GetPolicyAsync(cancellationToken);
        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        var fromUtc = ChinaTime.StartOfDayUtc(query.DoneFrom);
        var toUtc = ChinaTime.StartOfDayUtc(query.DoneTo.AddDays(1));
        var entries = new List<ClockEntry>();

        var licences = await Candidates(db.Set<CreditLicenceRecord>(), query, fromUtc, toUtc).ToListAsync(cancellationToken);
        entries.AddRange(licences
            .Where(r => CreditPublication.Blocks(r.PartyIsMinor, r.InvolvesSecrets, null, policy).Count == 0)
            .Select(r => Entry(r, CreditRecordKind.Licence, policy, agencyCalendars, query)));

        var penalties = await Candidates(db.Set<CreditPenaltyRecord>(), query, fromUtc, toUtc).ToListAsync(cancellationToken);
        entries.AddRange(penalties
            .Where(r => CreditPublication.Blocks(r.PartyIsMinor, r.InvolvesSecrets, r.Severity, policy).Count == 0)
            .Where(r => r.PublishedUtc is not null || CreditPublication.WithinPeriod(r.PublicationEnd, query.Today))
            .Select(r => Entry(r, CreditRecordKind.Penalty, policy, agencyCalendars, query)));
        return entries;
    }

    private static IQueryable<T> Candidates<T>(IQueryable<T> records, ClockQuery query, DateTime fromUtc, DateTime toUtc) where T : CreditRecordBase =>
        records.AsNoTracking()
            .Where(r => query.AgencyCode == null || r.AgencyCode == query.AgencyCode)
            .Where(r => r.Status == CreditRecordStatus.Draft || (r.PublishedUtc != null && r.PublishedUtc >= fromUtc && r.PublishedUtc < toUtc));

    private static ClockEntry Entry(CreditRecordBase r, CreditRecordKind kind, CreditPolicy policy, AgencyCalendars agencyCalendars, ClockQuery query)
    {
        var calendar = agencyCalendars.For(r.AgencyCode);
        var due = CreditDeadlines.PublicationDue(calendar, policy, r.DecisionDate).Value;
        var done = r.Status == CreditRecordStatus.Draft || r.PublishedUtc is not { } published ? (DateOnly?)null : ChinaTime.ToDate(published);
        var kindName = kind == CreditRecordKind.Licence ? "行政许可" : "行政处罚";
        // 双公示 records name no drafting department: the board counts them under the agency.
        return new ClockEntry($"{kindName} {r.DecisionNumber} {r.PublicPartyName}", r.AgencyCode, null, CreditAdmin.Url(kind, r.Id),
            r.DecisionDate, due, done, ClockStates.Of(calendar, query.Today, due, done, query.DueSoonWorkingDays));
    }
}
