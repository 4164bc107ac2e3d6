namespace Disclosure.Core.Security;

/// <summary>The roles the setup recipe creates. Review chains may name others declared in a recipe.</summary>
public static class RoleNames
{
    public const string Administrator = "Administrator";        // 管理员
    public const string Editor = "Editor";                      // 信息员
    public const string DepartmentReviewer = "DepartmentReviewer"; // 初审人
    public const string SecrecyOfficer = "SecrecyOfficer";      // 保密审查员
    public const string Leader = "Leader";                      // 领导
    public const string InformationOffice = "InformationOffice"; // 公开办
}
