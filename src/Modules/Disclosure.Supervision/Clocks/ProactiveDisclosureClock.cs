using Disclosure.Core.Calendar;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Supervision.Clocks;

/// <summary>
/// 主动公开的 20 个工作日 (条例第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起 20 个工作日内及时公开).
/// The clock starts on a version's 成文日期 — the day the information was formed, or changed when a later version
/// carries a new 成文日期 — and stops when that information is first published. A version that keeps the 成文日期 of
/// what is already public is a correction of the same information and starts no clock; a draft without a 成文日期
/// cannot be judged and is left off.
/// </summary>
public sealed class ProactiveDisclosureClock(DisclosureDbContext db, IWorkingDayCalendarSource calendars) : ISupervisionClock
{
    public const int WorkingDays = 20;

    private static readonly ContentStatus[] Unpublished = [ContentStatus.Draft, ContentStatus.InReview, ContentStatus.Approved, ContentStatus.Scheduled];

    public string Key => "proactive";

    public string Name => "主动公开";

    public string Rule => "自政府信息形成或者变更之日（成文日期）起 20 个工作日内公开（条例第二十六条）";

    public int Order => 10;

    public async Task<IReadOnlyList<ClockEntry>> EntriesAsync(ClockQuery query, CancellationToken cancellationToken)
    {
        var items = db.ContentItems.AsNoTracking().Where(i => query.AgencyCode == null || i.AgencyCode == query.AgencyCode);
        var fromUtc = ChinaTime.StartOfDayUtc(query.DoneFrom);
        var toUtc = ChinaTime.StartOfDayUtc(query.DoneTo.AddDays(1));

        // Published in the period, and every draft still waiting: the candidates for a clock.
        var candidates = await (
            from i in items
            join v in db.ContentVersions.AsNoTracking() on i.Id equals v.ItemId
            where v.WrittenDate != null
                && ((v.PublishedUtc != null && v.PublishedUtc >= fromUtc && v.PublishedUtc < toUtc)
                    || (v.Number == i.LatestVersionNumber && Unpublished.Contains(v.Status)))
            select new Candidate(i.Id, i.ContentItemId, i.AgencyCode, i.DepartmentCode, v.Number, v.Title, v.WrittenDate!.Value, v.PublishedUtc))
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        // What each of those items had published before: a version is a new clock only when its 成文日期 differs
        // from the last one published before it.
        var itemIds = candidates.Select(c => c.ItemId).Distinct().ToList();
        var history = (await db.ContentVersions.AsNoTracking()
                .Where(v => itemIds.Contains(v.ItemId) && v.PublishedUtc != null)
                .Select(v => new { v.ItemId, v.Number, v.WrittenDate, v.PublishedUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.ItemId);

        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        var entries = new List<ClockEntry>();
        foreach (var c in candidates)
        {
            var earlier = history[c.ItemId].Where(h => h.Number < c.Number).OrderBy(h => h.Number).LastOrDefault();
            if (earlier?.WrittenDate == c.WrittenDate)
            {
                continue;
            }

            var calendar = agencyCalendars.For(c.AgencyCode);
            var due = calendar.AddWorkingDays(c.WrittenDate, WorkingDays).Value;
            var done = c.PublishedUtc is { } published ? ChinaTime.ToDate(published) : (DateOnly?)null;
            entries.Add(new ClockEntry(
                c.Title, c.AgencyCode, c.DepartmentCode, "/admin/content/" + c.ContentItemId, c.WrittenDate, due, done,
                ClockStates.Of(calendar, query.Today, due, done, query.DueSoonWorkingDays)));
        }

        return entries;
    }

    private sealed record Candidate(long ItemId, string ContentItemId, string AgencyCode, string? DepartmentCode, int Number, string Title, DateOnly WrittenDate, DateTime? PublishedUtc);
}
