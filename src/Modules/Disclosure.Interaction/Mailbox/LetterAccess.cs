using Disclosure.Core.Security;
using Disclosure.Storage.Agencies;

namespace Disclosure.Interaction.Mailbox;

/// <summary>
/// Who may do what with a letter. The 公开办 sees every letter and routes, extends, sends and publishes; a department's
/// 信息员 and 部门负责人 see only the letters routed to their department (and so, for a 举报, only they and the 公开办 ever
/// see the writer); the 部门负责人 approves the department's draft.
/// </summary>
public static class LetterAccess
{
    public static bool IsOffice(Actor actor) => actor.IsInRole(RoleNames.InformationOffice);

    /// <summary>Everything below is within the letter's agency: another agency's 公开办 or department has no part in it.</summary>
    public static bool MaySee(Actor actor, LetterRecord letter) =>
        AgencyScope.MaySee(actor, letter.AgencyCode) && (IsOffice(actor) || InDepartment(actor, letter));

    public static bool MayDraft(Actor actor, LetterRecord letter) =>
        letter.Stage == LetterStage.Drafting && MaySee(actor, letter);

    public static bool MayApproveForDepartment(Actor actor, LetterRecord letter) =>
        letter.Stage == LetterStage.DepartmentReview && AgencyScope.MaySee(actor, letter.AgencyCode) && InDepartment(actor, letter)
        && actor.IsInRole(RoleNames.DepartmentReviewer);

    /// <summary>
    /// A department's staff see the letters routed to it; the 公开办 is not a department here. Department codes repeat
    /// across agencies (every agency has its 办公室 bgs), so the agency is checked by the callers above.
    /// </summary>
    private static bool InDepartment(Actor actor, LetterRecord letter) =>
        letter.DepartmentCode is { } code && actor.DepartmentCode == code
        && (actor.IsInRole(RoleNames.Editor) || actor.IsInRole(RoleNames.DepartmentReviewer));
}
