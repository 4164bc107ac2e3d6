using System.Globalization;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Public;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Disclosure.Enforcement.Services;

/// <summary>One month of 受案 (its first day), as the statistics' rows name it.</summary>
public sealed record StatisticsMonth(DateOnly FirstDay)
{
    public string Label => FirstDay.ToString("yyyy年M月", CultureInfo.InvariantCulture);
}

/// <summary>A case kind's cases per month of 受案 and, within it, per current stage; only display texts, never exact small counts.</summary>
public sealed record KindStatistics(string Code, string Name, IReadOnlyList<string> ByMonth, IReadOnlyList<StageStatistics> Stages)
{
    /// <summary>Whether the kind had any case in the period (its stage table is shown only then).</summary>
    public bool Any => ByMonth.Any(c => c != "0");
}

/// <summary>Cases of one kind whose latest step is this one, per month of 受案.</summary>
public sealed record StageStatistics(string Code, string Name, IReadOnlyList<string> ByMonth);

/// <summary>The public statistics of the last twelve months of 受案, oldest month first.</summary>
public sealed record EnforcementStatisticsReport(IReadOnlyList<StatisticsMonth> Months, IReadOnlyList<KindStatistics> Kinds, DateOnly Today);

/// <summary>
/// 执法公开平台's anonymous statistics: cases by kind and by current stage (<see cref="EnforcementCaseRecord.StageCode"/>)
/// per month of 受案, over the last twelve months. Counted in the database by one GROUP BY over the
/// (AcceptedOn, KindCode, StageCode) index, so a million cases cost an index range scan, and kept for a few minutes.
/// Counts of 1 and 2 are shown as “&lt;3”: only counts leave this class, and no small one exactly, so no cell points at
/// a case someone could recognise.
/// </summary>
public sealed class EnforcementStatistics(
    DisclosureDbContext db, CaseKindStore kinds, TimeProvider clock, IMemoryCache cache, IOptions<EnforcementPublicOptions> options)
{
    public const int Months = 12;

    /// <summary>Counts below this are not shown exactly.</summary>
    public const int SmallCellThreshold = 3;

    public const string SmallCellText = "<3";

    /// <summary>A count as the public sees it: 0, “&lt;3” for 1 and 2, otherwise the number.</summary>
    public static string Display(int count) => count is > 0 and < SmallCellThreshold ? SmallCellText : count.ToString(CultureInfo.InvariantCulture);

    public async Task<EnforcementStatisticsReport> GetAsync(CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        var seconds = options.Value.StatisticsCacheSeconds;
        if (seconds <= 0)
        {
            return await CountAsync(today, cancellationToken);
        }

        var key = "enforcement-statistics:" + DateText.Date(today);
        if (cache.TryGetValue(key, out EnforcementStatisticsReport? cached) && cached is not null)
        {
            return cached;
        }

        var report = await CountAsync(today, cancellationToken);
        cache.Set(key, report, TimeSpan.FromSeconds(seconds));
        return report;
    }

    private async Task<EnforcementStatisticsReport> CountAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months);
        var months = Enumerable.Range(0, Months).Select(i => first.AddMonths(i)).ToList();
        var rows = await db.Set<EnforcementCaseRecord>().AsNoTracking()
            .Where(c => c.AcceptedOn >= first && c.AcceptedOn <= today)
            .GroupBy(c => new { c.AcceptedOn.Year, c.AcceptedOn.Month, c.KindCode, c.StageCode })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.KindCode, g.Key.StageCode, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var vocabulary = await kinds.GetAsync(cancellationToken);
        // Kinds in the vocabulary's order, then any kind a case still carries that the vocabulary no longer has.
        var kindCodes = vocabulary.All.Select(k => k.Code).Concat(rows.Select(r => r.KindCode).Distinct().Order(StringComparer.Ordinal)).Distinct().ToList();
        int MonthIndex(int year, int month) => months.IndexOf(new DateOnly(year, month, 1));
        var result = new List<KindStatistics>();
        foreach (var kindCode in kindCodes)
        {
            var kind = vocabulary.Find(kindCode);
            var ofKind = rows.Where(r => r.KindCode == kindCode).ToList();
            var byMonth = new int[Months];
            foreach (var row in ofKind)
            {
                byMonth[MonthIndex(row.Year, row.Month)] += row.Count;
            }

            var stageCodes = (kind?.Events.Select(e => e.Code) ?? []).Concat(ofKind.Select(r => r.StageCode).Order(StringComparer.Ordinal)).Distinct()
                .Where(code => ofKind.Any(r => r.StageCode == code));
            var stages = stageCodes.Select(code =>
            {
                var counts = new int[Months];
                foreach (var row in ofKind.Where(r => r.StageCode == code))
                {
                    counts[MonthIndex(row.Year, row.Month)] += row.Count;
                }

                return new StageStatistics(code, kind?.FindEvent(code)?.Name ?? code, counts.Select(Display).ToList());
            }).ToList();
            result.Add(new KindStatistics(kindCode, kind?.Name ?? kindCode, byMonth.Select(Display).ToList(), stages));
        }

        return new EnforcementStatisticsReport(months.Select(m => new StatisticsMonth(m)).ToList(), result, today);
    }
}
