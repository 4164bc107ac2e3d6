using Disclosure.Core.Settings;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Settings;

/// <summary>
/// The one place the office's identity is read and written (站点设置). 机构名称, 统一社会信用代码 and 行政区划代码 live
/// on the office's own agency row, so the 发布机构 lists, 索引号 and annual report follow an edit; the rest are
/// SiteSettings rows. Every change is one transaction with one 台账 entry naming each field, old → new.
/// </summary>
public sealed class SiteIdentityStore(DisclosureDbContext db, LedgerWriter ledger)
{
    public async Task<SiteIdentity> LoadAsync(CancellationToken cancellationToken = default)
    {
        var settings = await db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Value, cancellationToken);
        var agencyCode = settings.GetValueOrDefault(SiteIdentityFields.OwnAgencySetting) ?? string.Empty;
        var agency = agencyCode.Length == 0 ? null : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode, cancellationToken);
        var values = SiteIdentityFields.All.ToDictionary(f => f.Name, f => f.OnAgency ? AgencyValue(agency, f.Name) : settings.GetValueOrDefault(f.Key) ?? string.Empty);
        return new SiteIdentity(values) { AgencyCode = agency?.Code ?? string.Empty };
    }

    /// <summary>
    /// One agency's identity (集约化): the installation's settings, overlaid by the <see cref="SiteIdentityFields.PerAgency"/>
    /// values its ancestors set and then its own; 机构名称, 统一社会信用代码, 行政区划代码 and 索引号格式 from its own row
    /// (索引号格式 falling back to the installation's).
    /// </summary>
    public async Task<SiteIdentity> LoadAsync(string agencyCode, CancellationToken cancellationToken = default) =>
        (await LoadAllAsync(cancellationToken)).GetValueOrDefault(agencyCode) ?? throw new AgencyNotFoundException(agencyCode);

    /// <summary>Every agency's identity by code, as <see cref="LoadAsync(string, CancellationToken)"/> gives one (three queries in all).</summary>
    public async Task<IReadOnlyDictionary<string, SiteIdentity>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var (settings, tree, overrides) = await OverlaySourcesAsync(cancellationToken);
        return tree.All().ToDictionary(n => n.Code, n => Overlay(settings, tree.PathTo(n.Code), overrides, includeOwn: true), StringComparer.Ordinal);
    }

    /// <summary>
    /// What an agency would show without its own overrides (the installation's and its ancestors' values), and the
    /// overrides it has, by field name: the admin form shows the first as the placeholder of the second.
    /// </summary>
    public async Task<(SiteIdentity Inherited, IReadOnlyDictionary<string, string> Own)> OverridesAsync(string agencyCode, CancellationToken cancellationToken = default)
    {
        var (settings, tree, overrides) = await OverlaySourcesAsync(cancellationToken);
        var path = tree.PathTo(agencyCode);
        if (path.Count == 0)
        {
            throw new AgencyNotFoundException(agencyCode);
        }

        var own = SiteIdentityFields.PerAgency
            .Select(f => (f.Name, Value: overrides[agencyCode].FirstOrDefault(o => o.Name == f.Key)?.Value))
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .ToDictionary(f => f.Name, f => f.Value!);
        return (Overlay(settings, path, overrides, includeOwn: false), own);
    }

    /// <summary>
    /// Stores an agency's own identity values (AgencySettings); an empty value removes the override so the agency
    /// inherits again. Only <see cref="SiteIdentityFields.PerAgency"/> fields are read, and as the form posts them all, a
    /// field left out counts as empty. Validated as the site settings
    /// are; one transaction with one 台账 entry naming each field, old → new; nothing when nothing changed.
    /// Whether the actor may change this agency is the caller's (AgencyService's) check.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveAsync(string agencyCode, IReadOnlyDictionary<string, string> input, string actor, CancellationToken cancellationToken = default)
    {
        var values = SiteIdentityFields.PerAgency.ToDictionary(f => f.Name, f => input.GetValueOrDefault(f.Name)?.Trim() ?? string.Empty);
        var errors = SiteIdentityValidator.Validate(values.Where(v => v.Value.Length > 0).ToDictionary(), requireAll: false);
        if (errors.Count > 0)
        {
            throw new SiteSettingsException(errors);
        }

        return await db.InTransactionAsync(async () =>
        {
            var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode, cancellationToken)
                ?? throw new AgencyNotFoundException(agencyCode);
            var rows = await db.AgencySettings.Where(s => s.AgencyCode == agencyCode).ToDictionaryAsync(s => s.Name, cancellationToken);
            var changes = new List<string>();
            foreach (var field in SiteIdentityFields.PerAgency)
            {
                var value = values[field.Name];
                var row = rows.GetValueOrDefault(field.Key);
                var old = row?.Value ?? string.Empty;
                if (old == value)
                {
                    continue;
                }

                changes.Add($"{field.Label}：{Inherits(old)} → {Inherits(value)}");
                if (value.Length == 0)
                {
                    db.AgencySettings.Remove(row!);
                }
                else if (row is null)
                {
                    db.AgencySettings.Add(new AgencySettingRecord { AgencyCode = agencyCode, Name = field.Key, Value = value });
                }
                else
                {
                    row.Value = value;
                }
            }

            if (changes.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                await ledger.AppendAsync(actor, SettingsLedgerActions.AgencySettingsChanged, SettingsLedgerActions.AgencySubject(agencyCode), null, null,
                    $"{agency.Name}（{agency.Code}）：{string.Join("；", changes)}", cancellationToken);
            }

            return (IReadOnlyList<string>)changes;
        }, cancellationToken);
    }

    private async Task<(Dictionary<string, string> Settings, AgencyTree Tree, ILookup<string, AgencySettingRecord> Overrides)> OverlaySourcesAsync(CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Value, cancellationToken);
        var tree = new AgencyTree(await db.Agencies.AsNoTracking().ToListAsync(cancellationToken));
        var overrides = (await db.AgencySettings.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.AgencyCode, StringComparer.Ordinal);
        return (settings, tree, overrides);
    }

    private static SiteIdentity Overlay(Dictionary<string, string> settings, IReadOnlyList<AgencyRecord> path, ILookup<string, AgencySettingRecord> overrides, bool includeOwn)
    {
        var agency = path[^1];
        var values = SiteIdentityFields.All.ToDictionary(f => f.Name, f => f.OnAgency ? AgencyValue(agency, f.Name) : settings.GetValueOrDefault(f.Key) ?? string.Empty);
        if (!string.IsNullOrWhiteSpace(agency.IndexNumberFormat))
        {
            values[SiteIdentityFields.IndexNumberFormat] = agency.IndexNumberFormat;
        }

        // From the root down, so the nearest agency's value wins.
        foreach (var level in includeOwn ? path : path.Take(path.Count - 1))
        {
            foreach (var field in SiteIdentityFields.PerAgency)
            {
                if (overrides[level.Code].FirstOrDefault(o => o.Name == field.Key) is { Value.Length: > 0 } own)
                {
                    values[field.Name] = own.Value;
                }
            }
        }

        return new SiteIdentity(values) { AgencyCode = agency.Code };
    }

    private static string Inherits(string value) => value.Length == 0 ? "（沿用上级）" : value;

    /// <summary>The office's own agency's departments, in the order they were added.</summary>
    public async Task<IReadOnlyList<DepartmentRecord>> DepartmentsAsync(CancellationToken cancellationToken = default)
    {
        var agencyCode = await OwnAgencyCodeAsync(cancellationToken);
        return await db.Departments.AsNoTracking().Where(d => d.AgencyCode == agencyCode).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Validates and stores the posted identity. Nothing is written when any field is wrong; nothing (not even a
    /// 台账 entry) when nothing changed. Returns the changes, each "标签：旧值 → 新值".
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveAsync(IReadOnlyDictionary<string, string> input, string actor, CancellationToken cancellationToken = default)
    {
        var errors = SiteIdentityValidator.Validate(input, requireAll: true);
        if (errors.Count > 0)
        {
            throw new SiteSettingsException(errors);
        }

        return await db.InTransactionAsync(async () =>
        {
            var agency = await OwnAgencyAsync(cancellationToken);
            var changes = await ApplyAsync(agency, input, cancellationToken);
            if (changes.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                await ledger.AppendAsync(actor, SettingsLedgerActions.SettingsChanged, null, null, null, string.Join("；", changes), cancellationToken);
            }

            return changes;
        }, cancellationToken);
    }

    /// <summary>Adds a department (内设机构) to the office's own agency.</summary>
    public Task AddDepartmentAsync(string? code, string? name, string actor, CancellationToken cancellationToken = default)
    {
        var cleanCode = code?.Trim() ?? string.Empty;
        var cleanName = DepartmentName(name);
        if (!IsDepartmentCode(cleanCode))
        {
            throw new SiteSettingsException("DepartmentCode", "部门代码应为 1 至 20 位字母或数字，如 bgs。");
        }

        return db.InTransactionAsync(async () =>
        {
            var agency = await OwnAgencyAsync(cancellationToken);
            if (await db.Departments.AnyAsync(d => d.AgencyCode == agency.Code && d.Code == cleanCode, cancellationToken))
            {
                throw new SiteSettingsException("DepartmentCode", $"部门代码“{cleanCode}”已存在。");
            }

            db.Departments.Add(new DepartmentRecord { AgencyCode = agency.Code, Code = cleanCode, Name = cleanName });
            await db.SaveChangesAsync(cancellationToken);
            return await ledger.AppendAsync(actor, SettingsLedgerActions.DepartmentAdded, null, null, null, $"{agency.Name}：{cleanName}（{cleanCode}）", cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Renames one of the office's departments; its code (which users and applications refer to) stays.</summary>
    public Task RenameDepartmentAsync(long id, string? name, string actor, CancellationToken cancellationToken = default)
    {
        var cleanName = DepartmentName(name);
        return db.InTransactionAsync(async () =>
        {
            var agency = await OwnAgencyAsync(cancellationToken);
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id && d.AgencyCode == agency.Code, cancellationToken)
                ?? throw new SiteSettingsException("DepartmentName", "没有这个部门。");
            if (department.Name == cleanName)
            {
                return (LedgerEntry?)null;
            }

            var old = department.Name;
            department.Name = cleanName;
            await db.SaveChangesAsync(cancellationToken);
            return await ledger.AppendAsync(actor, SettingsLedgerActions.DepartmentRenamed, null, null, null, $"{agency.Name}（{department.Code}）：{old} → {cleanName}", cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// First-start and upgrade seeding from configuration (<c>Site:Identity</c>). On the first start
    /// (<paramref name="firstStart"/>: the recipes were just applied) configured values replace what the recipes
    /// stored, and a configured agency becomes the office's own; on later starts they only fill what is still
    /// missing, so the values edited on the settings page win. Returns the fields seeded.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedAsync(SiteIdentitySeed seed, bool firstStart, string actor, CancellationToken cancellationToken = default)
    {
        var configured = seed.Values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value.Trim());
        var errors = SiteIdentityValidator.Validate(configured, requireAll: false);
        if (errors.Count > 0)
        {
            throw new SiteSettingsException(errors);
        }

        return await db.InTransactionAsync(async () =>
        {
            var ownCode = await OwnAgencyCodeAsync(cancellationToken);
            var agency = ownCode.Length == 0 ? null : await db.Agencies.SingleOrDefaultAsync(a => a.Code == ownCode, cancellationToken);
            var seeded = new List<string>();
            if (configured.TryGetValue(SiteIdentityFields.AgencyName, out var agencyName) && (agency is null || firstStart))
            {
                agency = await ConfiguredAgencyAsync(seed, configured, agencyName, cancellationToken);
                seeded.Add($"本机关：{agency.Name}（{agency.Code}）");
            }

            agency ??= await AdoptedAgencyAsync(cancellationToken) ?? throw new SiteSettingsException(SiteIdentityFields.AgencyName,
                "尚未配置本机关：请设置 Site:Identity:AgencyName、Site:Identity:AreaCode 和 Site:Identity:AgencyCode（见 README“站点设置”），或应用演示配方 demo.json。");
            await SetAsync(SiteIdentityFields.OwnAgencySetting, agency.Code, cancellationToken);

            var stored = await db.SiteSettings.AsNoTracking().Select(s => s.Name).ToListAsync(cancellationToken);
            foreach (var field in SiteIdentityFields.All.Where(f => !f.OnAgency && configured.ContainsKey(f.Name)))
            {
                if (firstStart || !stored.Contains(field.Key))
                {
                    await SetAsync(field.Key, configured[field.Name], cancellationToken);
                    seeded.Add($"{field.Label}：{configured[field.Name]}");
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            if (seeded.Count > 0)
            {
                await ledger.AppendAsync(actor, SettingsLedgerActions.SettingsSeeded, null, null, null, string.Join("；", seeded), cancellationToken);
            }

            return (IReadOnlyList<string>)seeded;
        }, cancellationToken);
    }

    private async Task<AgencyRecord> ConfiguredAgencyAsync(SiteIdentitySeed seed, Dictionary<string, string> configured, string name, CancellationToken cancellationToken)
    {
        var area = configured.GetValueOrDefault(SiteIdentityFields.AreaCode) ?? string.Empty;
        var number = seed.AgencyCode?.Trim() ?? string.Empty;
        if (area.Length == 0 || !IsDepartmentCode(number))
        {
            throw new SiteSettingsException(SiteIdentityFields.AreaCode,
                "配置了 Site:Identity:AgencyName 时还须配置 Site:Identity:AreaCode（6 位行政区划代码）和 Site:Identity:AgencyCode（机构代码，字母或数字，索引号中的 {dept}）。");
        }

        var code = $"{area}-{number}";
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (agency is null)
        {
            agency = new AgencyRecord { Code = code, Name = name, AreaCode = area, DepartmentCode = number };
            db.Agencies.Add(agency);
        }

        agency.Name = name;
        agency.AreaCode = area;
        agency.CreditCode = configured.GetValueOrDefault(SiteIdentityFields.CreditCode) ?? agency.CreditCode;
        var departments = seed.Departments.Count > 0 ? seed.Departments : [new SiteIdentitySeed.Department("bgs", "办公室")];
        var existing = await db.Departments.Where(d => d.AgencyCode == code).ToListAsync(cancellationToken);
        foreach (var department in departments)
        {
            if (!IsDepartmentCode(department.Code.Trim()) || string.IsNullOrWhiteSpace(department.Name))
            {
                throw new SiteSettingsException("DepartmentCode", $"配置的部门“{department.Code}={department.Name}”无效：部门代码应为 1 至 20 位字母或数字，名称不能为空。");
            }

            if (existing.FirstOrDefault(d => d.Code == department.Code.Trim()) is { } known)
            {
                known.Name = department.Name.Trim();
            }
            else
            {
                db.Departments.Add(new DepartmentRecord { AgencyCode = code, Code = department.Code.Trim(), Name = department.Name.Trim() });
            }
        }

        return agency;
    }

    /// <summary>
    /// A database set up before 站点设置 existed: its only agency, or else the one with the most departments (the
    /// office's own has its departments; agencies merely named in content have one).
    /// </summary>
    private async Task<AgencyRecord?> AdoptedAgencyAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Departments.GroupBy(d => d.AgencyCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.OrderBy(a => a.Code).ToListAsync(cancellationToken);
        return agencies.OrderByDescending(a => counts.FirstOrDefault(c => c.Code == a.Code)?.Count ?? 0).FirstOrDefault();
    }

    private async Task<List<string>> ApplyAsync(AgencyRecord agency, IReadOnlyDictionary<string, string> input, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        var settings = await db.SiteSettings.ToDictionaryAsync(s => s.Name, cancellationToken);
        foreach (var field in SiteIdentityFields.All)
        {
            var value = input.GetValueOrDefault(field.Name)?.Trim() ?? string.Empty;
            var old = field.OnAgency ? AgencyValue(agency, field.Name) : settings.GetValueOrDefault(field.Key)?.Value ?? string.Empty;
            if (old == value)
            {
                continue;
            }

            changes.Add($"{field.Label}：{Shown(old)} → {Shown(value)}");
            if (field.OnAgency)
            {
                SetOnAgency(agency, field.Name, value);
            }
            else
            {
                // The rows are tracked already (loaded above), so this finds them without another query.
                await SetAsync(field.Key, value, cancellationToken);
            }
        }

        return changes;
    }

    private async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        var row = await db.SiteSettings.FindAsync([key], cancellationToken);
        if (row is null)
        {
            db.SiteSettings.Add(new SiteSetting { Name = key, Value = value });
        }
        else
        {
            row.Value = value;
        }
    }

    private async Task<string> OwnAgencyCodeAsync(CancellationToken cancellationToken) =>
        await db.SiteSettings.AsNoTracking().Where(s => s.Name == SiteIdentityFields.OwnAgencySetting).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken)
        ?? string.Empty;

    private async Task<AgencyRecord> OwnAgencyAsync(CancellationToken cancellationToken)
    {
        var code = await OwnAgencyCodeAsync(cancellationToken);
        return await db.Agencies.SingleOrDefaultAsync(a => a.Code == code, cancellationToken)
            ?? throw new SiteSettingsException(SiteIdentityFields.AgencyName, "尚未指定本机关，请重新启动站点以按配置建立本机关。");
    }

    private static string AgencyValue(AgencyRecord? agency, string name) => name switch
    {
        SiteIdentityFields.AgencyName => agency?.Name,
        SiteIdentityFields.CreditCode => agency?.CreditCode,
        SiteIdentityFields.AreaCode => agency?.AreaCode,
        _ => null,
    } ?? string.Empty;

    private static void SetOnAgency(AgencyRecord agency, string name, string value)
    {
        switch (name)
        {
            case SiteIdentityFields.AgencyName:
                agency.Name = value;
                break;
            case SiteIdentityFields.CreditCode:
                agency.CreditCode = value.Length == 0 ? null : value;
                break;
            case SiteIdentityFields.AreaCode:
                agency.AreaCode = value;
                break;
        }
    }

    private static string Shown(string value) => value.Length == 0 ? "（空）" : value;

    internal static bool IsDepartmentCode(string code) => code.Length is > 0 and <= 20 && code.All(char.IsAsciiLetterOrDigit);

    internal static string DepartmentName(string? name)
    {
        var clean = name?.Trim() ?? string.Empty;
        return clean.Length switch
        {
            0 => throw new SiteSettingsException("DepartmentName", "请填写部门名称。"),
            > 50 => throw new SiteSettingsException("DepartmentName", "部门名称不能超过 50 个字符。"),
            _ => clean,
        };
    }
}

/// <summary>What configuration says about the office (<c>Site:Identity</c>), read on start.</summary>
public sealed record SiteIdentitySeed(IReadOnlyDictionary<string, string> Values, string? AgencyCode, IReadOnlyList<SiteIdentitySeed.Department> Departments)
{
    public sealed record Department(string Code, string Name);
}

/// <summary>Settings input that cannot be stored, with a zh-CN message per field.</summary>
public sealed class SiteSettingsException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public SiteSettingsException(string field, string message)
        : this(new Dictionary<string, string> { [field] = message })
    {
    }

    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>台账 actions of 站点设置.</summary>
public static class SettingsLedgerActions
{
    public const string SettingsChanged = "settings-changed";
    public const string SettingsSeeded = "settings-seeded";
    public const string DepartmentAdded = "department-added";
    public const string DepartmentRenamed = "department-renamed";
    public const string AgencyCreated = "agency-created";
    public const string AgencyUpdated = "agency-updated";
    public const string AgencyMoved = "agency-moved";
    public const string AgencySettingsChanged = "agency-settings-changed";

    /// <summary>An agency as a 台账 subject: <c>agency:150627-103</c>.</summary>
    public const string AgencySubjectPrefix = "agency:";

    public static string AgencySubject(string agencyCode) => AgencySubjectPrefix + agencyCode;

    public static string? DisplayName(string action) => action switch
    {
        SettingsChanged => "修改站点设置",
        SettingsSeeded => "按配置初始化站点设置",
        DepartmentAdded => "新增部门",
        DepartmentRenamed => "部门更名",
        AgencyCreated => "新建机构",
        AgencyUpdated => "修改机构信息",
        AgencyMoved => "调整上级机关",
        AgencySettingsChanged => "修改机构标识设置",
        _ => null,
    };
}
