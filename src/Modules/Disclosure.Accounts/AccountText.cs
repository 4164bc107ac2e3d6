using Disclosure.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Accounts;

/// <summary>How account changes name things in the 台账 (departments and roles by their zh-CN names), and Identity's failures as an <see cref="AccountException"/>.</summary>
internal static class AccountText
{
    public static async Task<string> AgencyNameAsync(DisclosureDbContext db, string code, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? code;

    public static async Task<string> DepartmentNameAsync(DisclosureDbContext db, string? agencyCode, string? departmentCode, CancellationToken cancellationToken) =>
        departmentCode is null
            ? "（无）"
            : await db.Departments.AsNoTracking().Where(d => d.AgencyCode == agencyCode && d.Code == departmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
                ?? departmentCode;

    public static async Task<string> RoleNamesAsync(DisclosureDbContext db, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        var names = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.DisplayName ?? r.Name!, cancellationToken);
        var list = roles.Select(r => names.GetValueOrDefault(r, r)).ToList();
        return list.Count == 0 ? "（无）" : string.Join("、", list);
    }

    /// <summary>Identity reports failures as results; thrown here so the transaction rolls back and the page shows why.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException(Disclosure.Core.Text.DoubledPunctuation.Collapse(string.Join("；", result.Errors.Select(e => e.Description))));
        }
    }
}
