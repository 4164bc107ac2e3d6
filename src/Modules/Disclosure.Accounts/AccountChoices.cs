using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Accounts;

/// <summary>What an account form picks from: the roles and the departments (部门) of every agency.</summary>
public sealed record AccountChoices(IReadOnlyList<AccountChoices.Role> Roles, IReadOnlyList<AccountChoices.Department> Departments)
{
    public sealed record Role(string Name, string DisplayName);

    /// <summary>A department; <see cref="Value"/> is what the form posts (agency and code, as codes repeat across agencies).</summary>
    public sealed record Department(string AgencyCode, string AgencyName, string Code, string Name)
    {
        public string Value => AgencyCode + "|" + Code;
    }

    public static async Task<AccountChoices> LoadAsync(DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => new Role(r.Name!, r.DisplayName ?? r.Name!)).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.AgencyCode).ThenBy(d => d.Id).ToListAsync(cancellationToken))
            .Select(d => new Department(d.AgencyCode, agencies.GetValueOrDefault(d.AgencyCode, d.AgencyCode), d.Code, d.Name))
            .ToList();
        return new AccountChoices(roles, departments);
    }

    /// <summary>
    /// Checks a posted department and roles; adds a zh-CN error per problem and returns the department picked
    /// (null for "no department").
    /// </summary>
    public Department? Validate(string? department, IReadOnlyCollection<string> roles, List<string> errors)
    {
        var unknownRoles = roles.Where(r => Roles.All(x => x.Name != r)).ToList();
        if (unknownRoles.Count > 0)
        {
            errors.Add($"角色“{string.Join("、", unknownRoles)}”不存在。");
        }

        if (roles.Count == 0)
        {
            errors.Add("请至少选择一个角色。");
        }

        var picked = Departments.FirstOrDefault(d => d.Value == department);
        if (!string.IsNullOrEmpty(department) && picked is null)
        {
            errors.Add("所选部门不存在。");
        }

        return picked;
    }
}
