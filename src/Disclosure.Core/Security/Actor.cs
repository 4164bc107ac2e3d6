namespace Disclosure.Core.Security;

/// <summary>Who is acting: the signed-in user's name, roles and department, as the workflow and access rules need them.</summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles, string? DepartmentCode = null)
{
    /// <summary>The agency the user acts for (所属机构); null for the installation's own.</summary>
    public string? AgencyCode { get; init; }

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The system itself (setup, imports, the scheduler).</summary>
    public static Actor System { get; } = new("system", new HashSet<string>());
}
