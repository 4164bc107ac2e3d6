using Microsoft.AspNetCore.Identity;

namespace Disclosure.Storage.Identity;

/// <summary>An account: an editor, reviewer or office member, belonging to one department.</summary>
public sealed class DisclosureUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public string? AgencyCode { get; set; }

    public string? DepartmentCode { get; set; }

    /// <summary>
    /// The agency the user acts for right now (当前身份) when they also hold roles in other agencies
    /// (<see cref="AgencyMembershipRecord"/>); null acts for <see cref="AgencyCode"/>. Kept on the account rather than
    /// in the cookie so that refreshing the sign-in (security stamp validation) keeps the choice.
    /// </summary>
    public string? ActingAgencyCode { get; set; }

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

/// <summary>
/// A user's place in an agency other than their own (兼任): the user acts there with <see cref="Roles"/> and, when
/// given, as a member of <see cref="DepartmentCode"/>. The roles a user holds in their own agency
/// (<see cref="DisclosureUser.AgencyCode"/>) are Identity's roles; these are the roles they hold anywhere else.
/// </summary>
public sealed class AgencyMembershipRecord
{
    public required string UserId { get; set; }

    public required string AgencyCode { get; set; }

    /// <summary>The department of that agency the user works in there; null for roles without a department (公开办, 领导).</summary>
    public string? DepartmentCode { get; set; }

    public List<AgencyMembershipRoleRecord> Roles { get; set; } = [];

    public required string GrantedBy { get; set; }

    public DateTime GrantedUtc { get; set; }
}

/// <summary>One role of an <see cref="AgencyMembershipRecord"/>.</summary>
public sealed class AgencyMembershipRoleRecord
{
    public required string UserId { get; set; }

    public required string AgencyCode { get; set; }

    /// <summary>The role's name (<c>Roles.Office</c> …), as in Identity's role table.</summary>
    public required string RoleName { get; set; }
}
