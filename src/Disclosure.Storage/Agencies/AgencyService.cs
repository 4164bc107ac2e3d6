using System.Text.RegularExpressions;
using Disclosure.Core.Security;
using Disclosure.Core.Settings;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Settings;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Agencies;

/// <summary>What the agency form posts (新建 or 修改). <see cref="Code"/> and <see cref="ParentCode"/> are read on creation only.</summary>
public sealed record AgencyInput(
    string? Code,
    string? Name,
    string? ParentCode,
    string? AreaCode,             // 区划代码
    string? DepartmentCode,       // 部门代码 ({dept} of the 索引号)
    string? CreditCode,           // 统一社会信用代码
    string? IndexNumberFormat,    // 索引号格式; empty = the installation's
    bool AcceptsOnlineRequests);

/// <summary>
/// Agencies as a managed tree (集约化): create, edit, move under another parent, their departments and their identity
/// overrides. The actor's scope is checked here, not only by the pages: the installation's 管理员 (no agency, or the
/// root of the installation's own agency's tree) manages every agency; a 管理员 of agency X manages X and below.
/// Every change is one transaction with one 台账 entry naming the fields, old → new.
/// </summary>
public sealed partial class AgencyService(DisclosureDbContext db, LedgerWriter ledger, AgencyDirectory directory, SiteIdentityStore identity)
{
    public const int NameMaxLength = 100;

    /// <summary>The agencies <paramref name="actor"/> manages.</summary>
    public async Task<AgencyManagementScope> ScopeAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var tree = await directory.TreeAsync(cancellationToken);
        if (!actor.IsInRole(RoleNames.Administrator))
        {
            return AgencyManagementScope.None(tree);
        }

        if (actor.AgencyCode is not { Length: > 0 } own || tree.Count == 0)
        {
            return AgencyManagementScope.All(tree);
        }

        // The installation's own agency (本机关) runs the platform; its tree's root is the top of the installation.
        var installation = await directory.DefaultCodeAsync(cancellationToken);
        var path = tree.PathTo(installation);
        var top = path.Count > 0 ? path[0].Code : installation;
        return own == top ? AgencyManagementScope.All(tree) : AgencyManagementScope.Subtree(tree, own);
    }

    /// <summary>One managed agency's row, or <see cref="AgencyAccessDeniedException"/> (unknown or outside the scope alike).</summary>
    public async Task<AgencyRecord> GetAsync(string code, Actor actor, CancellationToken cancellationToken = default)
    {
        var scope = await ScopeAsync(actor, cancellationToken);
        return Managed(scope, code).Agency;
    }

    /// <summary>The agency's departments (内设机构), in the order they were added.</summary>
    public async Task<IReadOnlyList<DepartmentRecord>> DepartmentsAsync(string code, Actor actor, CancellationToken cancellationToken = default)
    {
        Managed(await ScopeAsync(actor, cancellationToken), code);
        return await db.Departments.AsNoTracking().Where(d => d.AgencyCode == code).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Creates an agency under <see cref="AgencyInput.ParentCode"/> (a root only for the installation's 管理员). Returns its code.</summary>
    public async Task<string> CreateAsync(AgencyInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        var clean = Validate(input);
        var code = string.IsNullOrWhiteSpace(input.Code) ? $"{clean.AreaCode}-{clean.DepartmentCode}" : input.Code.Trim();
        if (!CodePattern().IsMatch(code))
        {
            throw new SiteSettingsException(nameof(AgencyInput.Code), "机构代码应为 1 至 64 位字母、数字或连字符，如 150627-103；留空则取“区划代码-部门代码”。");
        }

        var parent = string.IsNullOrWhiteSpace(input.ParentCode) ? null : input.ParentCode.Trim();
        return await db.InTransactionAsync(async () =>
        {
            var scope = await ScopeAsync(actor, cancellationToken);
            if (parent is null ? !scope.Everything : !scope.Manages(parent))
            {
                throw new SiteSettingsException(nameof(AgencyInput.ParentCode), parent is null ? "请选择上级机关：您只能在所管理的机构之下新建机构。" : "上级机关不存在或不在您的管理范围内。");
            }

            if (await db.Agencies.AnyAsync(a => a.Code == code, cancellationToken))
            {
                throw new SiteSettingsException(nameof(AgencyInput.Code), $"机构代码“{code}”已存在。");
            }

            var agency = new AgencyRecord
            {
                Code = code,
                Name = clean.Name,
                ParentCode = parent,
                Position = await NextPositionAsync(parent, cancellationToken),
                AreaCode = clean.AreaCode,
                DepartmentCode = clean.DepartmentCode,
                CreditCode = clean.CreditCode,
                IndexNumberFormat = clean.IndexNumberFormat,
                AcceptsOnlineRequests = input.AcceptsOnlineRequests,
            };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(cancellationToken);
            var parentName = parent is null ? "（无，顶级机构）" : Label(scope.Tree.Find(parent)!.Agency);
            await ledger.AppendAsync(actor.UserName, SettingsLedgerActions.AgencyCreated, SettingsLedgerActions.AgencySubject(code), null, null,
                $"{Label(agency)}：上级机关：{parentName}；{string.Join("；", Fields(agency).Select(f => $"{f.Label}：{Shown(f.Value)}"))}", cancellationToken);
            return code;
        }, cancellationToken);
    }

    /// <summary>Changes an agency's name, codes, 索引号格式 and whether it accepts online applications; its code stays.</summary>
    public async Task<IReadOnlyList<string>> UpdateAsync(string code, AgencyInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        var clean = Validate(input);
        return await db.InTransactionAsync(async () =>
        {
            Managed(await ScopeAsync(actor, cancellationToken), code);
            var agency = await db.Agencies.SingleAsync(a => a.Code == code, cancellationToken);
            var before = Fields(agency);
            agency.Name = clean.Name;
            agency.AreaCode = clean.AreaCode;
            agency.DepartmentCode = clean.DepartmentCode;
            agency.CreditCode = clean.CreditCode;
            agency.IndexNumberFormat = clean.IndexNumberFormat;
            agency.AcceptsOnlineRequests = input.AcceptsOnlineRequests;
            var changes = before.Zip(Fields(agency))
                .Where(p => p.First.Value != p.Second.Value)
                .Select(p => $"{p.First.Label}：{Shown(p.First.Value)} → {Shown(p.Second.Value)}")
                .ToList();
            if (changes.Count > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                await ledger.AppendAsync(actor.UserName, SettingsLedgerActions.AgencyUpdated, SettingsLedgerActions.AgencySubject(code), null, null,
                    $"{Label(agency)}：{string.Join("；", changes)}", cancellationToken);
            }

            return (IReadOnlyList<string>)changes;
        }, cancellationToken);
    }

    /// <summary>
    /// Places an agency under another parent (null: a root, the installation's 管理员 only). Refuses the agency itself,
    /// anything below it (a cycle), and a parent outside the actor's scope. Returns false when it is already there.
    /// </summary>
    public async Task<bool> MoveAsync(string code, string? newParentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        var parent = string.IsNullOrWhiteSpace(newParentCode) ? null : newParentCode.Trim();
        return await db.InTransactionAsync(async () =>
        {
            var scope = await ScopeAsync(actor, cancellationToken);
            var node = Managed(scope, code);
            if (!scope.Everything && code == scope.Root)
            {
                throw new SiteSettingsException(nameof(AgencyInput.ParentCode), "不能调整您所属机构本身的上级机关。");
            }

            if (parent is null ? !scope.Everything : !scope.Manages(parent))
            {
                throw new SiteSettingsException(nameof(AgencyInput.ParentCode), parent is null ? "只有本平台的管理员可以设置顶级机构。" : "上级机关不存在或不在您的管理范围内。");
            }

            if (parent is not null && scope.Tree.IsWithin(parent, code))
            {
                throw new SiteSettingsException(nameof(AgencyInput.ParentCode), "不能将机构移到其自身或其下级机构之下。");
            }

            if (node.Agency.ParentCode == parent)
            {
                return false;
            }

            var agency = await db.Agencies.SingleAsync(a => a.Code == code, cancellationToken);
            var old = agency.ParentCode is { } oldCode && scope.Tree.Find(oldCode) is { } oldNode ? Label(oldNode.Agency) : "（无，顶级机构）";
            agency.ParentCode = parent;
            agency.Position = await NextPositionAsync(parent, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var now = parent is null ? "（无，顶级机构）" : Label(scope.Tree.Find(parent)!.Agency);
            await ledger.AppendAsync(actor.UserName, SettingsLedgerActions.AgencyMoved, SettingsLedgerActions.AgencySubject(code), null, null,
                $"{Label(agency)}：上级机关：{old} → {now}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Adds a department to a managed agency; codes repeat across agencies (bgs), so unique within it only.</summary>
    public async Task AddDepartmentAsync(string agencyCode, string? code, string? name, Actor actor, CancellationToken cancellationToken = default)
    {
        var cleanCode = code?.Trim() ?? string.Empty;
        if (!SiteIdentityStore.IsDepartmentCode(cleanCode))
        {
            throw new SiteSettingsException("DepartmentCode", "部门代码应为 1 至 20 位字母或数字，如 bgs。");
        }

        var cleanName = SiteIdentityStore.DepartmentName(name);
        await db.InTransactionAsync(async () =>
        {
            var agency = Managed(await ScopeAsync(actor, cancellationToken), agencyCode).Agency;
            if (await db.Departments.AnyAsync(d => d.AgencyCode == agencyCode && d.Code == cleanCode, cancellationToken))
            {
                throw new SiteSettingsException("DepartmentCode", $"{agency.Name}已有部门代码“{cleanCode}”。");
            }

            db.Departments.Add(new DepartmentRecord { AgencyCode = agencyCode, Code = cleanCode, Name = cleanName });
            await db.SaveChangesAsync(cancellationToken);
            return await ledger.AppendAsync(actor.UserName, SettingsLedgerActions.DepartmentAdded, SettingsLedgerActions.AgencySubject(agencyCode), null, null,
                $"{agency.Name}：{cleanName}（{cleanCode}）", cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Renames a department of a managed agency (looked up by agency and id, never by code alone).</summary>
    public async Task<bool> RenameDepartmentAsync(string agencyCode, long id, string? name, Actor actor, CancellationToken cancellationToken = default)
    {
        var cleanName = SiteIdentityStore.DepartmentName(name);
        return await db.InTransactionAsync(async () =>
        {
            var agency = Managed(await ScopeAsync(actor, cancellationToken), agencyCode).Agency;
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id && d.AgencyCode == agencyCode, cancellationToken)
                ?? throw new SiteSettingsException("DepartmentName", "没有这个部门。");
            if (department.Name == cleanName)
            {
                return false;
            }

            var old = department.Name;
            department.Name = cleanName;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor.UserName, SettingsLedgerActions.DepartmentRenamed, SettingsLedgerActions.AgencySubject(agencyCode), null, null,
                $"{agency.Name}（{department.Code}）：{old} → {cleanName}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Stores a managed agency's own identity values (<see cref="SiteIdentityStore.SaveAsync(string, IReadOnlyDictionary{string, string}, string, CancellationToken)"/>).</summary>
    public async Task<IReadOnlyList<string>> SaveIdentityAsync(string agencyCode, IReadOnlyDictionary<string, string> input, Actor actor, CancellationToken cancellationToken = default) =>
        await db.InTransactionAsync(async () =>
        {
            Managed(await ScopeAsync(actor, cancellationToken), agencyCode);
            return await identity.SaveAsync(agencyCode, input, actor.UserName, cancellationToken);
        }, cancellationToken);

    private static AgencyNode Managed(AgencyManagementScope scope, string code) =>
        scope.Manages(code) ? scope.Tree.Find(code)! : throw new AgencyAccessDeniedException(code);

    private async Task<int> NextPositionAsync(string? parent, CancellationToken cancellationToken) =>
        (await db.Agencies.Where(a => a.ParentCode == parent).Select(a => (int?)a.Position).MaxAsync(cancellationToken) ?? -1) + 1;

    private sealed record CleanInput(string Name, string AreaCode, string DepartmentCode, string? CreditCode, string? IndexNumberFormat);

    /// <summary>The site settings' own checks (GB 32100 check digit, 区划代码, 索引号 pattern), every problem at once.</summary>
    private static CleanInput Validate(AgencyInput input)
    {
        var name = input.Name?.Trim() ?? string.Empty;
        var area = input.AreaCode?.Trim() ?? string.Empty;
        var department = input.DepartmentCode?.Trim() ?? string.Empty;
        var credit = input.CreditCode?.Trim().ToUpperInvariant() ?? string.Empty;
        var format = input.IndexNumberFormat?.Trim() ?? string.Empty;
        var values = new Dictionary<string, string> { [SiteIdentityFields.AgencyName] = name, [SiteIdentityFields.AreaCode] = area };
        if (credit.Length > 0)
        {
            values[SiteIdentityFields.CreditCode] = credit;
        }

        if (format.Length > 0)
        {
            values[SiteIdentityFields.IndexNumberFormat] = format;
        }

        var errors = SiteIdentityValidator.Validate(values, requireAll: false)
            .ToDictionary(e => e.Key == SiteIdentityFields.AgencyName ? nameof(AgencyInput.Name) : e.Key, e => e.Value);
        if (!SiteIdentityStore.IsDepartmentCode(department))
        {
            errors[nameof(AgencyInput.DepartmentCode)] = "部门代码应为 1 至 20 位字母或数字，如 103（索引号中的 {dept}）。";
        }

        if (errors.Count > 0)
        {
            throw new SiteSettingsException(errors);
        }

        return new CleanInput(name, area, department, credit.Length == 0 ? null : credit, format.Length == 0 ? null : format);
    }

    private static List<(string Label, string Value)> Fields(AgencyRecord agency) =>
    [
        ("机构名称", agency.Name),
        ("行政区划代码", agency.AreaCode),
        ("部门代码", agency.DepartmentCode),
        ("统一社会信用代码", agency.CreditCode ?? string.Empty),
        ("索引号格式", agency.IndexNumberFormat ?? string.Empty),
        ("接受网上申请", agency.AcceptsOnlineRequests ? "是" : "否"),
    ];

    private static string Label(AgencyRecord agency) => $"{agency.Name}（{agency.Code}）";

    private static string Shown(string value) => value.Length == 0 ? "（空）" : value;

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex CodePattern();
}
