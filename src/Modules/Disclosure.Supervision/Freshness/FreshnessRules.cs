using System.Globalization;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Supervision.Freshness;

/// <summary>
/// How often each class of the 目录 must be updated, as data: a site setting <c>Supervision.Freshness.{class code}</c>
/// holding the longest gap in days between publications (0: not checked for updates, only for being empty). A class
/// without a setting gets the default of the 政府网站与政务新媒体检查指标 by its name — 动态/要闻 every 2 weeks,
/// 通知公告/政策文件 every 6 months, 人事/规划计划 every year — which the office confirms or changes on the rules page;
/// the figures are kept as data because the indicators are revised from time to time.
/// </summary>
public sealed class FreshnessRules(DisclosureDbContext db, LedgerWriter ledger)
{
    public const string SettingPrefix = "Supervision.Freshness.";
    public const string LedgerAction = "supervision-freshness";
    public const int MaxDays = 3660;

    private static readonly (string[] Words, int Days, string Basis)[] Defaults =
    [
        (["动态", "要闻", "新闻", "警情", "预警"], 14, "动态、要闻类栏目 2 周"),
        (["通知", "公告", "政策", "文件", "法规", "解读"], 183, "通知公告、政策文件类栏目 6 个月"),
        (["人事", "规划", "计划", "招聘", "任免"], 365, "人事、规划计划类栏目 1 年"),
    ];

    /// <summary>Every class of the 目录 with its rule, in 目录 order.</summary>
    public async Task<IReadOnlyList<FreshnessRule>> LoadAsync(CancellationToken cancellationToken)
    {
        var classes = TreeOrder(await db.CatalogueClasses.AsNoTracking().ToListAsync(cancellationToken));
        var settings = await db.SiteSettings.AsNoTracking().Where(s => s.Name.StartsWith(SettingPrefix))
            .ToDictionaryAsync(s => s.Name[SettingPrefix.Length..], s => s.Value, cancellationToken);
        var parents = classes.Where(c => c.ParentCode is not null).Select(c => c.ParentCode!).ToHashSet(StringComparer.Ordinal);
        return classes.Select(c =>
        {
            var isParent = parents.Contains(c.Code);
            if (settings.TryGetValue(c.Code, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                return new FreshnessRule(c.Code, c.Name, c.ParentCode, isParent, days, "本站设置");
            }

            var match = Defaults.FirstOrDefault(d => d.Words.Any(w => c.Name.Contains(w, StringComparison.Ordinal)));
            return match.Words is null
                ? new FreshnessRule(c.Code, c.Name, c.ParentCode, isParent, 0, "默认：只检查是否为空")
                : new FreshnessRule(c.Code, c.Name, c.ParentCode, isParent, match.Days, "默认：" + match.Basis);
        }).ToList();
    }

    /// <summary>The classes as the 目录 shows them: each followed by the classes below it, siblings by position.</summary>
    private static List<CatalogueClassRecord> TreeOrder(List<CatalogueClassRecord> classes)
    {
        var codes = classes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var children = classes.ToLookup(c => c.ParentCode is { } p && codes.Contains(p) ? p : null);
        var ordered = new List<CatalogueClassRecord>(classes.Count);
        void Visit(string? parent)
        {
            foreach (var c in children[parent].OrderBy(c => c.Position).ThenBy(c => c.Code, StringComparer.Ordinal))
            {
                ordered.Add(c);
                Visit(c.Code);
            }
        }

        Visit(null);
        return ordered;
    }

    /// <summary>
    /// Saves the days given per class code; every value is checked before anything is written, and the change is one
    /// transaction with its 台账 entry. Returns the zh-CN problems, empty on success.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveAsync(IReadOnlyDictionary<string, string?> input, string actor, CancellationToken cancellationToken)
    {
        var rules = (await LoadAsync(cancellationToken)).ToDictionary(r => r.ClassCode, StringComparer.Ordinal);
        var problems = new List<string>();
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, raw) in input)
        {
            if (!rules.TryGetValue(code, out var rule))
            {
                problems.Add($"目录分类“{code}”不存在。");
                continue;
            }

            var text = raw?.Trim() ?? string.Empty;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > MaxDays)
            {
                problems.Add($"“{rule.ClassName}”的更新间隔应为 0 到 {MaxDays} 之间的整数天数（0 表示只检查是否为空），“{text}”无效。");
                continue;
            }

            values[code] = days;
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var changed = values.Where(v => rules[v.Key].Days != v.Value || rules[v.Key].Basis != "本站设置").ToList();
        if (changed.Count == 0)
        {
            return [];
        }

        await db.InTransactionAsync(async () =>
        {
            var names = changed.Select(c => SettingPrefix + c.Key).ToList();
            var existing = await db.SiteSettings.Where(s => names.Contains(s.Name)).ToDictionaryAsync(s => s.Name, cancellationToken);
            foreach (var (code, days) in changed)
            {
                var value = days.ToString(CultureInfo.InvariantCulture);
                if (existing.TryGetValue(SettingPrefix + code, out var row))
                {
                    row.Value = value;
                }
                else
                {
                    db.SiteSettings.Add(new SiteSetting { Name = SettingPrefix + code, Value = value });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            var detail = string.Join("；", changed.Select(c => $"{rules[c.Key].ClassName}（{c.Key}）：{(c.Value == 0 ? "只检查是否为空" : c.Value + " 天")}"));
            await ledger.AppendAsync(actor, LedgerAction, null, null, null, "栏目更新频率规则：" + detail, cancellationToken);
            return true;
        }, cancellationToken);
        return [];
    }
}

/// <param name="Days">The longest gap allowed between publications; 0 when only emptiness is checked.</param>
/// <param name="Basis">Where the figure comes from: 本站设置, or the default it was given.</param>
public sealed record FreshnessRule(string ClassCode, string ClassName, string? ParentCode, bool IsParent, int Days, string Basis);
