using Disclosure.Core.Security;
using Disclosure.Core.Settings;
using Disclosure.Storage.Settings;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Agencies;

/// <summary>An agency's own public site as stored: its host names, theme and 政府信息公开指南 (empty = not set).</summary>
public sealed record AgencySite(IReadOnlyList<string> HostNames, string PrimaryColor, string LogoUrl, string GuideContentItemId)
{
    public static readonly AgencySite None = new([], string.Empty, string.Empty, string.Empty);

    public static AgencySite From(IReadOnlyDictionary<string, string> values) => new(
        AgencySiteFields.ParseHostNames(values.GetValueOrDefault(AgencySiteFields.HostNames)),
        Valid(values, AgencySiteFields.PrimaryColor),
        Valid(values, AgencySiteFields.LogoUrl),
        values.GetValueOrDefault(AgencySiteFields.GuideContentItemId)?.Trim() ?? string.Empty);

    /// <summary>As the form shows it: one host a line.</summary>
    public IReadOnlyDictionary<string, string> ToValues() => new Dictionary<string, string>
    {
        [AgencySiteFields.HostNames] = string.Join("\n", HostNames),
        [AgencySiteFields.PrimaryColor] = PrimaryColor,
        [AgencySiteFields.LogoUrl] = LogoUrl,
        [AgencySiteFields.GuideContentItemId] = GuideContentItemId,
    };

    // A value a recipe or an older version stored unchecked is ignored rather than rendered into the page's CSS or img.
    private static string Valid(IReadOnlyDictionary<string, string> values, string key)
    {
        var value = values.GetValueOrDefault(key)?.Trim() ?? string.Empty;
        return value.Length > 0 && AgencySiteFields.Validate(new Dictionary<string, string?> { [key] = value }).Errors.ContainsKey(key) ? string.Empty : value;
    }
}

/// <summary>Reads agencies' sites: one agency's settings, and which host name serves which agency.</summary>
public sealed class AgencySiteStore(DisclosureDbContext db)
{
    private static readonly string[] Keys = AgencySiteFields.All.Select(f => f.Key).ToArray();

    public async Task<AgencySite> LoadAsync(string agencyCode, CancellationToken cancellationToken = default) =>
        AgencySite.From(await db.AgencySettings.AsNoTracking()
            .Where(s => s.AgencyCode == agencyCode && Keys.Contains(s.Name))
            .ToDictionaryAsync(s => s.Name, s => s.Value, cancellationToken));

    /// <summary>Every configured host name (lower case) and the agency it serves; the first agency by code wins a duplicate a recipe let through.</summary>
    public async Task<IReadOnlyDictionary<string, string>> HostMapAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.AgencySettings.AsNoTracking().Where(s => s.Name == AgencySiteFields.HostNames)
            .Select(s => new { s.AgencyCode, s.Value }).ToListAsync(cancellationToken);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.OrderBy(r => r.AgencyCode, StringComparer.Ordinal))
        {
            foreach (var host in AgencySiteFields.ParseHostNames(row.Value).Where(AgencySiteFields.IsHostName))
            {
                map.TryAdd(host, row.AgencyCode);
            }
        }

        return map;
    }
}

public sealed partial class AgencyService
{
    /// <summary>
    /// Stores a managed agency's site settings (独立域名, 主色调, 标志, 指南): validated as <see cref="AgencySiteFields.Validate"/>
    /// says, a host name another agency already has refused; one transaction with one 台账 entry naming each field
    /// old → new; nothing when nothing changed. Returns the changes.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveSiteAsync(string agencyCode, IReadOnlyDictionary<string, string?> input, Actor actor, CancellationToken cancellationToken = default)
    {
        var (errors, values) = AgencySiteFields.Validate(input);
        if (errors.Count > 0)
        {
            throw new SiteSettingsException(errors);
        }

        return await db.InTransactionAsync(async () =>
        {
            var agency = Managed(await ScopeAsync(actor, cancellationToken), agencyCode).Agency;
            var hosts = AgencySiteFields.ParseHostNames(values[AgencySiteFields.HostNames]);
            if (hosts.Count > 0)
            {
                var taken = await new AgencySiteStore(db).HostMapAsync(cancellationToken);
                if (hosts.FirstOrDefault(h => taken.TryGetValue(h, out var owner) && owner != agencyCode) is { } clash)
                {
                    throw new SiteSettingsException(AgencySiteFields.HostNames, $"域名“{clash}”已由机构“{taken[clash]}”使用，一个域名只能对应一个机构。");
                }
            }

            var rows = await db.AgencySettings.Where(s => s.AgencyCode == agencyCode).ToDictionaryAsync(s => s.Name, cancellationToken);
            var changes = new List<string>();
            foreach (var (key, label) in AgencySiteFields.All)
            {
                var value = values[key];
                var row = rows.GetValueOrDefault(key);
                var old = row?.Value ?? string.Empty;
                if (old == value)
                {
                    continue;
                }

                changes.Add($"{label}：{Shown(old)} → {Shown(value)}");
                if (value.Length == 0)
                {
                    db.AgencySettings.Remove(row!);
                }
                else if (row is null)
                {
                    db.AgencySettings.Add(new Entities.AgencySettingRecord { AgencyCode = agencyCode, Name = key, Value = value });
                }
                else
                {
                    row.Value = value;
                }
            }

            if (changes.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                await ledger.AppendAsync(actor.UserName, SettingsLedgerActions.AgencySettingsChanged, SettingsLedgerActions.AgencySubject(agencyCode), null, null,
                    $"{agency.Name}（{agency.Code}）站点：{string.Join("；", changes)}", cancellationToken);
            }

            return (IReadOnlyList<string>)changes;
        }, cancellationToken);

        static string Shown(string value) => value.Length == 0 ? "（未设置）" : value.Replace('\n', '、');
    }
}
