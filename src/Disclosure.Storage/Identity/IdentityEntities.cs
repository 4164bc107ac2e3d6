using Microsoft.AspNetCore.Identity;

namespace Disclosure.Storage.Identity;

/// <summary>An account: an editor, reviewer or office member, belonging to one department.</summary>
public sealed class DisclosureUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public string? AgencyCode { get; set; }

    public string? DepartmentCode { get; set; }

    /// <summary>
    /// Set while the account holds a password someone else knows (the generated first-start password, one the
    /// 管理员 set or reset): every admin page sends the user to change it first.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When the 管理员 disabled the account (停用); null while it is in use. A disabled user cannot sign in.</summary>
    public DateTime? DisabledUtc { get; set; }
}

/// <summary>A role with its zh-CN name (管理员, 信息员 …).</summary>
public sealed class DisclosureRole : IdentityRole
{
    public string? DisplayName { get; set; }
}
