using Microsoft.AspNetCore.Identity;

namespace Disclosure.Storage.Identity;

/// <summary>An account: an editor, reviewer or office member, belonging to one department.</summary>
public sealed class DisclosureUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public string? AgencyCode { get; set; }

    public string? DepartmentCode { get; set; }
}

/// <summary>A role with its zh-CN name (管理员, 信息员 …).</summary>
public sealed class DisclosureRole : IdentityRole
{
    public string? DisplayName { get; set; }
}
