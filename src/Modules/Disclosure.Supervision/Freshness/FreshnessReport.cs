using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Supervision.Freshness;

/// <summary>
/// Where each class of the 目录 stands against its rule for one agency (or the installation): the last day something in
/// it (or in a class below it) was published, how many items it lists, and whether it is empty, stale, about to go
/// stale (within <see cref="SupervisionOptions.FreshnessWarningDays"/>) or fresh.
/// </summary>
public sealed class FreshnessReport(DisclosureDbContext db, FreshnessRules rules, IOptions<SupervisionOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClassFreshness>> LoadAsync(string? agencyCode, CancellationToken cancellationToken)
    {
        var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        var all = await rules.LoadAsync(cancellationToken);
        var published = await (
                from v in db.ContentVersions.AsNoTracking()
                join i in db.ContentItems.AsNoTracking() on v.ItemId equals i.Id
                where v.Status == ContentStatus.Published && v.CatalogueCode != null
                where agencyCode == null || i.AgencyCode == agencyCode
                group v by v.CatalogueCode into g
                select new { Code = g.Key!, Count = g.Count(), Last = g.Max(v => v.PublishedUtc) })
            .ToDictionaryAsync(g => g.Code, g => (g.Count, g.Last), StringComparer.Ordinal, cancellationToken);

        var children = all.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!, StringComparer.Ordinal);
        (int Count, DateTime? Last) Total(string code)
        {
            var (count, last) = published.GetValueOrDefault(code);
            foreach (var child in children[code])
            {
                var (c, l) = Total(child.ClassCode);
                count += c;
                last = l > last || last is null ? l : last;
            }

            return (count, last);
        }

        var warning = options.Value.FreshnessWarningDays;
        return all.Select(rule =>
        {
            var (count, last) = Total(rule.ClassCode);
            var lastDate = last is { } utc ? ChinaTime.ToDate(utc) : (DateOnly?)null;
            var staleOn = rule.Days > 0 && lastDate is { } d ? d.AddDays(rule.Days + 1) : (DateOnly?)null;
            var state = count == 0 ? FreshnessState.Empty
                : staleOn is not { } stale ? FreshnessState.NotChecked
                : today >= stale ? FreshnessState.Stale
                : today >= stale.AddDays(-warning) ? FreshnessState.StaleSoon
                : FreshnessState.Fresh;
            return new ClassFreshness(rule, count, lastDate, staleOn, state);
        }).ToList();
    }
}

/// <param name="StaleOn">The first day the class counts as not updated (the day after the last publication plus the rule's days); null when not checked.</param>
public sealed record ClassFreshness(FreshnessRule Rule, int ItemCount, DateOnly? LastPublishedOn, DateOnly? StaleOn, FreshnessState State);

public enum FreshnessState
{
    Fresh,

    /// <summary>即将超期未更新: goes stale within the warning days.</summary>
    StaleSoon,

    /// <summary>超期未更新.</summary>
    Stale,

    /// <summary>空白栏目.</summary>
    Empty,

    /// <summary>Has items; the rule only checks emptiness.</summary>
    NotChecked,
}

public static class FreshnessStateNames
{
    public static string Name(FreshnessState state) => state switch
    {
        FreshnessState.Fresh => "正常",
        FreshnessState.StaleSoon => "即将超期未更新",
        FreshnessState.Stale => "超期未更新",
        FreshnessState.Empty => "空白栏目",
        FreshnessState.NotChecked => "正常（不检查更新频率）",
        _ => state.ToString(),
    };
}
