using Disclosure.Core.Security;
using Disclosure.Storage.Entities;

namespace Disclosure.Storage.Content;

/// <summary>
/// Department isolation (谁公开，谁上报，谁负责): which content items a staff member may see at all — list, open,
/// preview, compare, submit, and fetch the attachments of. The 信息员 and the 初审人 work for one department and see
/// its items only; the 保密审查员, 领导, 公开办 and 管理员 review or run the whole office and see every item. This is
/// the only place the rule is written: the admin pages, the media endpoint, the lists and the workflow all ask it.
/// What a user may then <em>do</em> with an item is the workflow's business (roles, steps, who drafted it).
/// </summary>
public static class ContentAccess
{
    /// <summary>The roles whose work spans every department.</summary>
    public static readonly IReadOnlyList<string> OfficeWideRoles =
        [RoleNames.SecrecyOfficer, RoleNames.Leader, RoleNames.InformationOffice, RoleNames.Administrator];

    public static bool SeesEveryDepartment(Actor actor) => OfficeWideRoles.Any(actor.IsInRole);

    /// <summary>
    /// Whether <paramref name="actor"/> may see an item drafted by <paramref name="itemDepartment"/>. An item
    /// without a department (the office's own, e.g. the annual report) belongs to nobody's department, so only
    /// department-less staff and the office-wide roles see it.
    /// </summary>
    public static bool MaySee(Actor actor, string? itemDepartment) =>
        SeesEveryDepartment(actor) || itemDepartment == actor.DepartmentCode;

    /// <summary>The items <paramref name="actor"/> may see, as a query the database filters.</summary>
    public static IQueryable<ContentItemRecord> VisibleTo(this IQueryable<ContentItemRecord> items, Actor actor)
    {
        if (SeesEveryDepartment(actor))
        {
            return items;
        }

        var department = actor.DepartmentCode;
        return department is null ? items.Where(i => i.DepartmentCode == null) : items.Where(i => i.DepartmentCode == department);
    }

    /// <summary>The versions of the items <paramref name="actor"/> may see.</summary>
    public static IQueryable<ContentVersionRecord> VisibleTo(this IQueryable<ContentVersionRecord> versions, Actor actor)
    {
        if (SeesEveryDepartment(actor))
        {
            return versions;
        }

        var department = actor.DepartmentCode;
        return department is null ? versions.Where(v => v.Item.DepartmentCode == null) : versions.Where(v => v.Item.DepartmentCode == department);
    }
}
