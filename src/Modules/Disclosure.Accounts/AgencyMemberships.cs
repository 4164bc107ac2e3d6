using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Accounts;

/// <summary>
/// One agency a user may act for: their own (with Identity's roles) or one they hold roles in besides (兼任); the roles
/// by their zh-CN names.
/// </summary>
public sealed record AgencyPlace(string AgencyCode, string AgencyName, string? DepartmentCode, string? DepartmentName, IReadOnlyList<string> Roles, bool IsOwn);

/// <summary>
/// Roles per agency (集约化): a user's roles in their own agency are Identity's; the 管理员 may give them roles in other
/// agencies too (兼任: a 市局 staff member who is also 公开办 of a 县局), and the user then picks the agency they act
/// for (当前机构). Only that agency's roles are in the session — a 公开办 of 伊金霍洛旗公安局 is not one of
/// 鄂尔多斯市公安局 while acting for the latter. Every grant, revocation and switch is one transaction with its 台账 entry.
/// </summary>
public sealed class AgencyMemberships(
    DisclosureDbContext db,
    UserManager<DisclosureUser> users,
    AgencyService agencies,
    LedgerWriter ledger,
    TimeProvider clock)
{
    /// <summary>Every agency <paramref name="user"/> may act for, their own first.</summary>
    public async Task<IReadOnlyList<AgencyPlace>> PlacesOfAsync(DisclosureUser user, CancellationToken cancellationToken = default)
    {
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.DisplayName ?? r.Name!, cancellationToken);
        string? DepartmentName(string agency, string? code) => departments.FirstOrDefault(d => d.AgencyCode == agency && d.Code == code)?.Name;
        List<string> RoleNames(IEnumerable<string> roles) => roles.Select(r => roleNames.GetValueOrDefault(r, r)).ToList();
        var places = new List<AgencyPlace>();
        if (user.AgencyCode is { } own)
        {
            places.Add(new AgencyPlace(own, names.GetValueOrDefault(own, own), user.DepartmentCode, DepartmentName(own, user.DepartmentCode),
                RoleNames(await users.GetRolesAsync(user)), IsOwn: true));
        }

        foreach (var membership in await MembershipsOf(user.Id).ToListAsync(cancellationToken))
        {
            places.Add(new AgencyPlace(membership.AgencyCode, names.GetValueOrDefault(membership.AgencyCode, membership.AgencyCode),
                membership.DepartmentCode, DepartmentName(membership.AgencyCode, membership.DepartmentCode),
                RoleNames(membership.Roles.Select(r => r.RoleName).Order(StringComparer.Ordinal)), IsOwn: false));
        }

        return places;
    }

    /// <summary>
    /// Gives <paramref name="userName"/> <paramref name="roles"/> in <paramref name="agencyCode"/> (replacing what they
    /// held there), optionally in one of its departments. The agency must be one <paramref name="actor"/> manages and not
    /// the user's own (whose roles are edited on the account itself).
    /// </summary>
    public Task GrantAsync(Actor actor, string userName, string? agencyCode, string? departmentCode, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var user = await FindAsync(userName);
            var scope = await agencies.ScopeAsync(actor, cancellationToken);
            if (string.IsNullOrWhiteSpace(agencyCode) || !scope.Manages(agencyCode))
            {
                throw new AccountException("请选择您管理的机构。");
            }

            if (agencyCode == user.AgencyCode)
            {
                throw new AccountException("这是该用户本身所在的机构，请在上方修改其部门和角色。");
            }

            if (roles.Count == 0)
            {
                throw new AccountException("请至少选择一个角色。");
            }

            var known = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
            if (roles.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
            {
                throw new AccountException($"角色“{unknown}”不存在。");
            }

            departmentCode = string.IsNullOrWhiteSpace(departmentCode) ? null : departmentCode;
            if (departmentCode is not null && !await db.Departments.AnyAsync(d => d.AgencyCode == agencyCode && d.Code == departmentCode, cancellationToken))
            {
                throw new AccountException("所选部门不属于该机构。");
            }

            var membership = await db.AgencyMemberships.Include(m => m.Roles)
                .SingleOrDefaultAsync(m => m.UserId == user.Id && m.AgencyCode == agencyCode, cancellationToken);
            if (membership is null)
            {
                membership = new AgencyMembershipRecord { UserId = user.Id, AgencyCode = agencyCode, GrantedBy = actor.UserName };
                db.AgencyMemberships.Add(membership);
            }

            membership.DepartmentCode = departmentCode;
            membership.GrantedBy = actor.UserName;
            membership.GrantedUtc = clock.GetUtcNow().UtcDateTime;
            membership.Roles.RemoveAll(r => !roles.Contains(r.RoleName));
            foreach (var role in roles.Where(r => membership.Roles.All(held => held.RoleName != r)))
            {
                membership.Roles.Add(new AgencyMembershipRoleRecord { UserId = user.Id, AgencyCode = agencyCode, RoleName = role });
            }

            await db.SaveChangesAsync(cancellationToken);
            // A new stamp ends the user's sessions, so the new roles take effect at their next sign-in and nowhere sooner.
            AccountText.Check(await users.UpdateSecurityStampAsync(user));
            await ledger.AppendAsync(actor.UserName, AccountLedgerActions.MembershipGranted, AccountLedgerActions.Subject(userName), null, null,
                $"机构 {await AccountText.AgencyNameAsync(db, agencyCode, cancellationToken)}；部门 {await AccountText.DepartmentNameAsync(db, agencyCode, departmentCode, cancellationToken)}；角色 {await AccountText.RoleNamesAsync(db, roles, cancellationToken)}",
                cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Takes away every role <paramref name="userName"/> holds in <paramref name="agencyCode"/>.</summary>
    public Task RevokeAsync(Actor actor, string userName, string agencyCode, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var user = await FindAsync(userName);
            var scope = await agencies.ScopeAsync(actor, cancellationToken);
            var membership = scope.Manages(agencyCode)
                ? await db.AgencyMemberships.SingleOrDefaultAsync(m => m.UserId == user.Id && m.AgencyCode == agencyCode, cancellationToken)
                : null;
            if (membership is null)
            {
                throw new AccountException("该用户在这个机构没有角色。");
            }

            db.AgencyMemberships.Remove(membership);
            if (user.ActingAgencyCode == agencyCode)
            {
                user.ActingAgencyCode = null;
            }

            await db.SaveChangesAsync(cancellationToken);
            AccountText.Check(await users.UpdateSecurityStampAsync(user));
            await ledger.AppendAsync(actor.UserName, AccountLedgerActions.MembershipRevoked, AccountLedgerActions.Subject(userName), null, null,
                $"机构 {await AccountText.AgencyNameAsync(db, agencyCode, cancellationToken)}", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// 切换当前机构: <paramref name="userName"/> acts for <paramref name="agencyCode"/> (null or their own agency: their own
    /// roles) from their next sign-in refresh on. An agency where they hold no role is refused.
    /// </summary>
    public Task ActForAsync(string userName, string? agencyCode, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var user = await FindAsync(userName);
            var target = string.IsNullOrEmpty(agencyCode) || agencyCode == user.AgencyCode ? null : agencyCode;
            if (target is not null && !await MembershipsOf(user.Id).AnyAsync(m => m.AgencyCode == target, cancellationToken))
            {
                throw new AccountException("您在该机构没有角色，不能以该机构身份办理。");
            }

            if (user.ActingAgencyCode == target)
            {
                return false;
            }

            user.ActingAgencyCode = target;
            AccountText.Check(await users.UpdateAsync(user));
            await ledger.AppendAsync(userName, AccountLedgerActions.ActingAgencyChanged, AccountLedgerActions.Subject(userName), null, null,
                $"当前机构 {(target is null ? "本机构" : await AccountText.AgencyNameAsync(db, target, cancellationToken))}", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The membership <paramref name="user"/> acts for now, or null when they act for their own agency (no choice made,
    /// or the chosen membership has since been revoked).
    /// </summary>
    public Task<AgencyMembershipRecord?> ActingMembershipAsync(DisclosureUser user, CancellationToken cancellationToken = default) =>
        user.ActingAgencyCode is not { } acting
            ? Task.FromResult<AgencyMembershipRecord?>(null)
            : MembershipsOf(user.Id).SingleOrDefaultAsync(m => m.AgencyCode == acting, cancellationToken);

    /// <summary>Whether the user holds roles anywhere besides their own agency (so a choice of agency is offered).</summary>
    public Task<bool> HasOtherPlacesAsync(string userId, CancellationToken cancellationToken = default) =>
        db.AgencyMemberships.AnyAsync(m => m.UserId == userId, cancellationToken);

    private IQueryable<AgencyMembershipRecord> MembershipsOf(string userId) =>
        db.AgencyMemberships.AsNoTracking().Include(m => m.Roles).Where(m => m.UserId == userId).OrderBy(m => m.AgencyCode);

    private async Task<DisclosureUser> FindAsync(string userName) =>
        await users.FindByNameAsync(userName) ?? throw new AccountException($"用户“{userName}”不存在。");
}
