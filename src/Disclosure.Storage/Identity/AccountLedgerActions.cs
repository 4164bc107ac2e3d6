namespace Disclosure.Storage.Identity;

/// <summary>
/// The account changes recorded in the 信息发布台账. The account is named in the entry's subject,
/// <c>user:zhangsan</c>; the detail says what changed and never holds a password.
/// </summary>
public static class AccountLedgerActions
{
    public const string SubjectPrefix = "user:";

    public const string Created = "user-created";
    public const string Updated = "user-updated";
    public const string PasswordChanged = "user-password-changed";
    public const string PasswordReset = "user-password-reset";
    public const string Disabled = "user-disabled";
    public const string Enabled = "user-enabled";
    public const string LockedOut = "user-locked-out";
    public const string MembershipGranted = "user-membership-granted";
    public const string MembershipRevoked = "user-membership-revoked";
    public const string ActingAgencyChanged = "user-acting-agency-changed";

    public static string Subject(string userName) => SubjectPrefix + userName;

    /// <summary>The zh-CN name, or null when the action is not one of these.</summary>
    public static string? DisplayName(string action) => action switch
    {
        Created => "新建用户",
        Updated => "修改用户信息",
        PasswordChanged => "修改密码",
        PasswordReset => "重置密码",
        Disabled => "停用账号",
        Enabled => "启用账号",
        LockedOut => "密码错误次数过多，账号锁定",
        MembershipGranted => "授予其他机构角色",
        MembershipRevoked => "取消其他机构角色",
        ActingAgencyChanged => "切换当前机构",
        _ => null,
    };
}
