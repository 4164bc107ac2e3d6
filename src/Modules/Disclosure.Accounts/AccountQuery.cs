using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Accounts;

/// <summary>An account as the user list shows it: department by name, roles by their display names.</summary>
public sealed record AccountRow(string UserName, string? DisplayName, string? Department, IReadOnlyList<string> Roles, bool Disabled, bool MustChangePassword);

/// <summary>What the account pages read: the accounts, one account, and what an account form picks from.</summary>
public sealed class AccountQuery(DisclosureDbContext db)
{
    /// <summary>The roles and the departments (部门) of every agency, for an account form.</summary>
    public async Task<AccountChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => new AccountChoices.Role(r.Name!, r.DisplayName ?? r.Name!)).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.AgencyCode).ThenBy(d => d.Id).ToListAsync(cancellationToken))
            .Select(d => new AccountChoices.Department(d.AgencyCode, agencies.GetValueOrDefault(d.AgencyCode, d.AgencyCode), d.Code, d.Name))
            .ToList();
        return new AccountChoices(roles, departments);
    }

    /// <summary>The account with login name <paramref name="userName"/>, unchanged by reading it; null when there is none.</summary>
    public Task<DisclosureUser?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);

    /// <summary>Every account by login name, its department named from <paramref name="choices"/>.</summary>
    public async Task<IReadOnlyList<AccountRow>> ListAsync(AccountChoices choices, CancellationToken cancellationToken = default)
    {
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.DisplayName ?? r.Name!, cancellationToken);
        var memberships = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        return (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            .Select(u => new AccountRow(u.UserName!, u.DisplayName,
                choices.Departments.FirstOrDefault(d => d.AgencyCode == u.AgencyCode && d.Code == u.DepartmentCode)?.Name,
                memberships.Where(m => m.UserId == u.Id).Select(m => roleNames.GetValueOrDefault(m.RoleId, m.RoleId)).ToList(),
                u.DisabledUtc is not null,
                u.MustChangePassword))
            .ToList();
    }
}
