namespace Disclosure.Accounts;

/// <summary>
/// What an account form picks from (<see cref="AccountQuery.ChoicesAsync"/>): the roles, and the departments (部门) of the
/// agencies the 管理员 manages. Only the installation's 管理员 may leave an account without a department (an
/// installation-wide account); a 管理员 of an agency places every account in one of their agencies.
/// </summary>
public sealed record AccountChoices(IReadOnlyList<AccountChoices.Role> Roles, IReadOnlyList<AccountChoices.Department> Departments, bool AllowsNoDepartment = true)
{
    public sealed record Role(string Name, string DisplayName);

    /// <summary>A department; <see cref="Value"/> is what the form posts (agency and code, as codes repeat across agencies).</summary>
    public sealed record Department(string AgencyCode, string AgencyName, string Code, string Name)
    {
        public string Value => AgencyCode + "|" + Code;
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
        else if (picked is null && !AllowsNoDepartment)
        {
            errors.Add("请选择所属部门：您只能管理本机构及下级机构的用户。");
        }

        return picked;
    }
}
