using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Accounts;

/// <summary>An account as the user list shows it: department by name, roles by their display names.</summary>
public sealed record AccountRow(string UserName, string? DisplayName, string? Department, IReadOnlyList<string> Roles, bool Disabled, bool MustChangePassword);

/// <summary>
/// What the account pages read: the accounts, one account, and what an account form picks from — all within the
/// agencies the 管理员 manages (<see cref="AgencyManagementScope"/>): a 管理员 of 伊金霍洛旗公安局 neither lists nor opens
/// an account of 鄂尔多斯市公安局, and an installation-wide account (no agency) is the installation's 管理员's alone.
/// </summary>
public sealed class AccountQuery(DisclosureDbContext db)
{
    /// <summary>The roles and the departments (部门) of the managed agencies, for an account form.</summary>
    public async Task<AccountChoices> ChoicesAsync(AgencyManagementScope scope, CancellationToken cancellationToken = default)
    {
        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => new AccountChoices.Role(r.Name!, r.DisplayName ?? r.Name!)).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.AgencyCode).ThenBy(d => d.Id).ToListAsync(cancellationToken))
            .Where(d => scope.Manages(d.AgencyCode))
            .Select(d => new AccountChoices.Department(d.AgencyCode, agencies.GetValueOrDefault(d.AgencyCode, d.AgencyCode), d.Code, d.Name))
            .ToList();
        return new AccountChoices(roles, departments, AllowsNoDepartment: scope.Everything);
    }

    /// <summary>
    /// The account with login name <paramref name="userName"/>, unchanged by reading it; null when there is none or it
    /// is outside <paramref name="scope"/>.
    /// </summary>
    public async Task<DisclosureUser?> FindAsync(string userName, AgencyManagementScope scope, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        return user is not null && Manages(scope, user) ? user : null;
    }

    /// <summary>Every managed account by login name, its department named from <paramref name="choices"/>.</summary>
    public async Task<IReadOnlyList<AccountRow>> ListAsync(AccountChoices choices, AgencyManagementScope scope, CancellationToken cancellationToken = default)
    {
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.DisplayName ?? r.Name!, cancellationToken);
        var memberships = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        return (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            .Where(u => Manages(scope, u))
            .Select(u => new AccountRow(u.UserName!, u.DisplayName,
                choices.Departments.FirstOrDefault(d => d.AgencyCode == u.AgencyCode && d.Code == u.DepartmentCode)?.Name,
                memberships.Where(m => m.UserId == u.Id).Select(m => roleNames.GetValueOrDefault(m.RoleId, m.RoleId)).ToList(),
                u.DisabledUtc is not null,
                u.MustChangePassword))
            .ToList();
    }

    private static bool Manages(AgencyManagementScope scope, DisclosureUser user) =>
        scope.Everything || (user.AgencyCode is { } agency && scope.Manages(agency));
}
