using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Settings;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Supervision.Coverage;

/// <summary>Input that cannot be saved; the messages are zh-CN, one per problem.</summary>
public sealed class CoverageValidationException(IReadOnlyList<string> problems) : Exception(string.Join("；", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// The mapping of 条例第二十条's items to 目录 classes, kept as a setting: the installation's in SiteSettings, an agency's
/// own in AgencySettings (集约化: an agency inherits from the agencies above it and the installation until it sets its
/// own, as the site identity does). Every change is one transaction with one 台账 entry naming each changed item.
/// </summary>
public sealed class CoverageStore(DisclosureDbContext db, LedgerWriter ledger)
{
    public const string SettingName = "Supervision.StatuteCoverage";
    public const int MaxReasonLength = 200;

    /// <summary>The mapping that applies to an agency (its own, else the nearest ancestor's, else the installation's), or the installation's.</summary>
    public async Task<IReadOnlyDictionary<int, CoverageEntry>> LoadAsync(string? agencyCode, CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>();
        for (var code = agencyCode; code is not null && seen.Add(code);)
        {
            if (await db.AgencySettings.AsNoTracking().Where(s => s.AgencyCode == code && s.Name == SettingName).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken) is { } own)
            {
                return Parse(own);
            }

            code = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => a.ParentCode).SingleOrDefaultAsync(cancellationToken);
        }

        var installation = await db.SiteSettings.AsNoTracking().Where(s => s.Name == SettingName).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
        return installation is null ? Empty() : Parse(installation);
    }

    /// <summary>
    /// Checks and stores a mapping for an agency (or the installation when null): every class code must exist, an item is
    /// either mapped or 不适用 with a reason. Nothing is written when anything is wrong, nor when nothing changed.
    /// Returns the changed items' labels. <paramref name="recordInLedger"/> is false only for set-up, which, like the
    /// other set-up steps, configures the installation before there is anything for the 台账 to account for.
    /// </summary>
    public Task<IReadOnlyList<string>> SaveAsync(
        string? agencyCode, IReadOnlyDictionary<int, CoverageEntry> input, string actor, bool recordInLedger = true, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync<IReadOnlyList<string>>(async () =>
        {
            var classes = await db.CatalogueClasses.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken);
            var mapping = Check(input, classes.ToHashSet(StringComparer.Ordinal));
            var before = await LoadAsync(agencyCode, cancellationToken);
            var changed = StatuteItems.All.Where(i => !Same(before[i.Number], mapping[i.Number])).Select(i => $"第二十条{i.Label}：{Describe(mapping[i.Number])}").ToList();
            if (changed.Count == 0)
            {
                return [];
            }

            var json = Serialize(mapping);
            if (agencyCode is null)
            {
                var row = await db.SiteSettings.SingleOrDefaultAsync(s => s.Name == SettingName, cancellationToken);
                if (row is null)
                {
                    db.SiteSettings.Add(new SiteSetting { Name = SettingName, Value = json });
                }
                else
                {
                    row.Value = json;
                }

                await db.SaveChangesAsync(cancellationToken);
                if (recordInLedger)
                {
                    await ledger.AppendAsync(actor, SettingsLedgerActions.SettingsChanged, null, null, null, "条例第二十条对应目录：" + string.Join("；", changed), cancellationToken);
                }
            }
            else
            {
                var row = await db.AgencySettings.SingleOrDefaultAsync(s => s.AgencyCode == agencyCode && s.Name == SettingName, cancellationToken);
                if (row is null)
                {
                    db.AgencySettings.Add(new AgencySettingRecord { AgencyCode = agencyCode, Name = SettingName, Value = json });
                }
                else
                {
                    row.Value = json;
                }

                await db.SaveChangesAsync(cancellationToken);
                if (recordInLedger)
                {
                    await ledger.AppendAsync(actor, SettingsLedgerActions.AgencySettingsChanged, SettingsLedgerActions.AgencySubject(agencyCode), null, null,
                        "条例第二十条对应目录：" + string.Join("；", changed), cancellationToken);
                }
            }

            return changed;
        }, cancellationToken);

    /// <summary>The input as a full mapping of the fifteen items, or the problems, each naming its item.</summary>
    public static Dictionary<int, CoverageEntry> Check(IReadOnlyDictionary<int, CoverageEntry> input, IReadOnlySet<string> classCodes)
    {
        var problems = new List<string>();
        foreach (var number in input.Keys.Where(n => StatuteItems.All.All(i => i.Number != n)))
        {
            problems.Add($"第二十条没有第 {number} 项（共十五项）。");
        }

        var mapping = new Dictionary<int, CoverageEntry>();
        foreach (var item in StatuteItems.All)
        {
            var entry = input.GetValueOrDefault(item.Number) ?? CoverageEntry.Unset;
            var codes = entry.Classes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var reason = string.IsNullOrWhiteSpace(entry.NotApplicableReason) ? null : entry.NotApplicableReason.Trim();
            foreach (var unknown in codes.Where(c => !classCodes.Contains(c)))
            {
                problems.Add($"第二十条{item.Label}：目录分类“{unknown}”不存在，请填写信息公开目录中已有的分类代码（如 02.02）。");
            }

            if (codes.Count > 0 && reason is not null)
            {
                problems.Add($"第二十条{item.Label}：已对应目录分类，不能同时标为不适用；请删去分类或不适用理由之一。");
            }

            if (reason is { Length: > MaxReasonLength })
            {
                problems.Add($"第二十条{item.Label}：不适用理由不能超过 {MaxReasonLength} 个字（现有 {reason.Length} 个）。");
            }

            mapping[item.Number] = new CoverageEntry(codes, codes.Count > 0 ? null : reason);
        }

        return problems.Count > 0 ? throw new CoverageValidationException(problems) : mapping;
    }

    public static string Describe(CoverageEntry entry) =>
        entry.NotApplicable ? $"不适用（{entry.NotApplicableReason}）" : entry.Classes.Count > 0 ? string.Join("、", entry.Classes) : "未对应";

    private static bool Same(CoverageEntry a, CoverageEntry b) =>
        a.NotApplicableReason == b.NotApplicableReason && a.Classes.SequenceEqual(b.Classes, StringComparer.Ordinal);

    private static Dictionary<int, CoverageEntry> Empty() => StatuteItems.All.ToDictionary(i => i.Number, _ => CoverageEntry.Unset);

    /// <summary><c>{"1":{"classes":["02.01"]},"3":{"notApplicable":"…"}}</c>; an item missing from the value is unset.</summary>
    private static Dictionary<int, CoverageEntry> Parse(string json)
    {
        var mapping = Empty();
        if (JsonNode.Parse(json) is not JsonObject root)
        {
            return mapping;
        }

        foreach (var item in StatuteItems.All)
        {
            if (root[item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)] is JsonObject entry)
            {
                var classes = entry["classes"] is JsonArray list ? list.Select(c => c?.GetValue<string>()).OfType<string>().ToList() : [];
                mapping[item.Number] = new CoverageEntry(classes, entry["notApplicable"]?.GetValue<string>());
            }
        }

        return mapping;
    }

    private static string Serialize(Dictionary<int, CoverageEntry> mapping)
    {
        var root = new JsonObject();
        foreach (var (number, entry) in mapping.OrderBy(m => m.Key))
        {
            var node = new JsonObject();
            if (entry.Classes.Count > 0)
            {
                node["classes"] = new JsonArray([.. entry.Classes.Select(c => (JsonNode)c)]);
            }

            if (entry.NotApplicableReason is { } reason)
            {
                node["notApplicable"] = reason;
            }

            root[number.ToString(System.Globalization.CultureInfo.InvariantCulture)] = node;
        }

        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
