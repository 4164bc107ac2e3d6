using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Accounts;

/// <summary>An account change that was refused; the message is for the office (zh-CN).</summary>
public sealed class AccountException(string message) : Exception(message);

/// <summary>What the 管理员 enters for an account: 姓名, department and roles (and a login name for a new one).</summary>
public sealed record AccountDetails(string DisplayName, string? AgencyCode, string? DepartmentCode, IReadOnlyCollection<string> Roles);

/// <summary>
/// Every change to an account, each one transaction with its 台账 entry: an account change the ledger does not show
/// did not happen. Passwords never reach the ledger; sessions end (the security stamp changes) whenever what the
/// session was granted changes — password, roles, department, or the account being disabled.
/// </summary>
public sealed class AccountService(
    DisclosureDbContext db,
    UserManager<DisclosureUser> users,
    LedgerWriter ledger,
    TimeProvider clock)
{
    /// <summary>Creates an account with an initial password the 管理员 chose; the user replaces it at first sign-in.</summary>
    public Task<DisclosureUser> CreateAsync(string actor, string userName, string password, AccountDetails details, bool mustChangePassword = true, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var user = new DisclosureUser
            {
                UserName = userName,
                DisplayName = details.DisplayName,
                AgencyCode = details.AgencyCode,
                DepartmentCode = details.DepartmentCode,
                MustChangePassword = mustChangePassword,
            };
            AccountText.Check(await users.CreateAsync(user, password));
            if (details.Roles.Count > 0)
            {
                AccountText.Check(await users.AddToRolesAsync(user, details.Roles));
            }

            await ledger.AppendAsync(actor, AccountLedgerActions.Created, AccountLedgerActions.Subject(userName), null, null,
                $"姓名 {details.DisplayName}；部门 {await AccountText.DepartmentNameAsync(db, details.AgencyCode, details.DepartmentCode, cancellationToken)}；角色 {await AccountText.RoleNamesAsync(db, details.Roles, cancellationToken)}",
                cancellationToken);
            return user;
        }, cancellationToken);

    /// <summary>Changes 姓名, department and roles. Returns false when nothing differed (and records nothing).</summary>
    public Task<bool> UpdateAsync(string actor, string userName, AccountDetails details, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var user = await FindAsync(userName);
            var roles = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
            var changes = new List<string>();
            if (user.DisplayName != details.DisplayName)
            {
                changes.Add($"姓名 {user.DisplayName} → {details.DisplayName}");
                user.DisplayName = details.DisplayName;
            }

            if (user.AgencyCode != details.AgencyCode || user.DepartmentCode != details.DepartmentCode)
            {
                changes.Add($"部门 {await AccountText.DepartmentNameAsync(db, user.AgencyCode, user.DepartmentCode, cancellationToken)} → {await AccountText.DepartmentNameAsync(db, details.AgencyCode, details.DepartmentCode, cancellationToken)}");
                user.AgencyCode = details.AgencyCode;
                user.DepartmentCode = details.DepartmentCode;
            }

            var added = details.Roles.Where(r => !roles.Contains(r)).ToList();
            var removed = roles.Where(r => !details.Roles.Contains(r)).ToList();
            if (removed.Contains(RoleNames.Administrator) && user.DisabledUtc is null)
            {
                await EnsureAnotherAdministratorAsync(user);
            }

            if (added.Count > 0)
            {
                changes.Add($"增加角色 {await AccountText.RoleNamesAsync(db, added, cancellationToken)}");
                AccountText.Check(await users.AddToRolesAsync(user, added));
            }

            if (removed.Count > 0)
            {
                changes.Add($"取消角色 {await AccountText.RoleNamesAsync(db, removed, cancellationToken)}");
                AccountText.Check(await users.RemoveFromRolesAsync(user, removed));
            }

            if (changes.Count == 0)
            {
                return false;
            }

            // A new stamp ends the user's sessions, so a removed role or a moved department takes effect at once.
            AccountText.Check(await users.UpdateSecurityStampAsync(user));
            await ledger.AppendAsync(actor, AccountLedgerActions.Updated, AccountLedgerActions.Subject(userName), null, null,
                string.Join("；", changes), cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The user replaces their own password; a forced change must not keep the password someone else knows.</summary>
    public Task ChangeOwnPasswordAsync(string userName, string currentPassword, string newPassword, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var user = await FindAsync(userName);
            if (newPassword == currentPassword)
            {
                throw new AccountException("新密码不能与当前密码相同。");
            }

            AccountText.Check(await users.ChangePasswordAsync(user, currentPassword, newPassword));
            var wasForced = user.MustChangePassword;
            user.MustChangePassword = false;
            AccountText.Check(await users.UpdateAsync(user));
            await ledger.AppendAsync(userName, AccountLedgerActions.PasswordChanged, AccountLedgerActions.Subject(userName), null, null,
                wasForced ? "本人修改密码（替换初始或重置的密码）" : "本人修改密码", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Replaces the password with a generated one, returned to be shown once. The user must change it at next
    /// sign-in; their sessions end and a lock-out is lifted.
    /// </summary>
    public Task<string> ResetPasswordAsync(string actor, string userName, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var user = await FindAsync(userName);
            var password = PasswordRule.Generate();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            AccountText.Check(await users.ResetPasswordAsync(user, token, password));
            user.MustChangePassword = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            AccountText.Check(await users.UpdateAsync(user));
            await ledger.AppendAsync(actor, AccountLedgerActions.PasswordReset, AccountLedgerActions.Subject(userName), null, null,
                "管理员重置密码，用户下次登录须修改", cancellationToken);
            return password;
        }, cancellationToken);

    /// <summary>停用: the user can no longer sign in and their open sessions end on their next request.</summary>
    public Task DisableAsync(string actor, string userName, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var user = await FindAsync(userName);
            if (user.DisabledUtc is not null)
            {
                throw new AccountException($"账号“{userName}”已经停用。");
            }

            if (string.Equals(actor, userName, StringComparison.Ordinal))
            {
                throw new AccountException("不能停用自己的账号。");
            }

            if (await users.IsInRoleAsync(user, RoleNames.Administrator))
            {
                await EnsureAnotherAdministratorAsync(user);
            }

            user.DisabledUtc = clock.GetUtcNow().UtcDateTime;
            AccountText.Check(await users.UpdateAsync(user));
            AccountText.Check(await users.UpdateSecurityStampAsync(user));
            await ledger.AppendAsync(actor, AccountLedgerActions.Disabled, AccountLedgerActions.Subject(userName), null, null, "停用账号", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>启用 a disabled account again; the password is unchanged.</summary>
    public Task EnableAsync(string actor, string userName, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var user = await FindAsync(userName);
            if (user.DisabledUtc is null)
            {
                throw new AccountException($"账号“{userName}”没有停用。");
            }

            user.DisabledUtc = null;
            AccountText.Check(await users.UpdateAsync(user));
            await ledger.AppendAsync(actor, AccountLedgerActions.Enabled, AccountLedgerActions.Subject(userName), null, null, "重新启用账号", cancellationToken);
            return true;
        }, cancellationToken);

    private async Task<DisclosureUser> FindAsync(string userName) =>
        await users.FindByNameAsync(userName) ?? throw new AccountException($"用户“{userName}”不存在。");

    /// <summary>The office must keep one working 管理员, or nobody could manage accounts any more.</summary>
    private async Task EnsureAnotherAdministratorAsync(DisclosureUser user)
    {
        var others = (await users.GetUsersInRoleAsync(RoleNames.Administrator)).Count(u => u.Id != user.Id && u.DisabledUtc is null);
        if (others == 0)
        {
            throw new AccountException("这是唯一在用的管理员账号，不能停用或取消其管理员角色。");
        }
    }
}
