using Disclosure.Core.Security;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;

namespace Disclosure.Storage.Content;

/// <summary>
/// Agency and department isolation (谁公开，谁上报，谁负责): which content items a staff member may see at all — list,
/// open, preview, compare, submit, and fetch the attachments of. Staff of an agency see that agency's items only
/// (<see cref="AgencyScope"/>: a 公开办 of 伊金霍洛旗公安局 is not one of 鄂尔多斯市公安局). Within it, the 信息员 and
/// the 初审人 work for one department and see its items only; the 保密审查员, 领导, 公开办 and 管理员 review or run
/// the whole office and see every item. This is the only place the rule is written: the admin pages, the media
/// endpoint, the lists and the workflow all ask it. What a user may then <em>do</em> with an item is the workflow's
/// business (roles, steps, who drafted it).
/// </summary>
public static class ContentAccess
{
    /// <summary>The roles whose work spans every department.</summary>
    public static readonly IReadOnlyList<string> OfficeWideRoles =
        [RoleNames.SecrecyOfficer, RoleNames.Leader, RoleNames.InformationOffice, RoleNames.Administrator];

    public static bool SeesEveryDepartment(Actor actor) => OfficeWideRoles.Any(actor.IsInRole);

    /// <summary>
    /// Whether <paramref name="actor"/> may see <paramref name="item"/>. An item without a department (the office's
    /// own, e.g. the annual report) belongs to nobody's department, so only department-less staff and the office-wide
    /// roles of its agency see it.
    /// </summary>
    public static bool MaySee(Actor actor, ContentItemRecord item) =>
        AgencyScope.MaySee(actor, item.AgencyCode) && (SeesEveryDepartment(actor) || item.DepartmentCode == actor.DepartmentCode);

    /// <summary>The items <paramref name="actor"/> may see, as a query the database filters.</summary>
    public static IQueryable<ContentItemRecord> VisibleTo(this IQueryable<ContentItemRecord> items, Actor actor)
    {
        items = AgencyScope.VisibleTo(items, actor);
        if (SeesEveryDepartment(actor))
        {
            return items;
        }

        // EF compares with a null department as IS NULL: department-less staff see the department-less items only.
        var department = actor.DepartmentCode;
        return items.Where(i => i.DepartmentCode == department);
    }

    /// <summary>The versions of the items <paramref name="actor"/> may see.</summary>
    public static IQueryable<ContentVersionRecord> VisibleTo(this IQueryable<ContentVersionRecord> versions, Actor actor)
    {
        if (actor.AgencyCode is { } agency)
        {
            versions = versions.Where(v => v.Item.AgencyCode == agency);
        }

        if (SeesEveryDepartment(actor))
        {
            return versions;
        }

        var department = actor.DepartmentCode;
        return versions.Where(v => v.Item.DepartmentCode == department);
    }
}
