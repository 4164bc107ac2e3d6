using Disclosure.Core.Security;

namespace Disclosure.Interaction.Mailbox;

/// <summary>
/// Who may do what with a letter. The 公开办 sees every letter and routes, extends, sends and publishes; a department's
/// 信息员 and 部门负责人 see only the letters routed to their department (and so, for a 举报, only they and the 公开办 ever
/// see the writer); the 部门负责人 approves the department's draft.
/// </summary>
public static class LetterAccess
{
    public static bool IsOffice(Actor actor) => actor.IsInRole(RoleNames.InformationOffice);

    public static bool MaySee(Actor actor, LetterRecord letter) => IsOffice(actor) || InDepartment(actor, letter);

    public static bool MayDraft(Actor actor, LetterRecord letter) =>
        letter.Stage == LetterStage.Drafting && (IsOffice(actor) || InDepartment(actor, letter));

    public static bool MayApproveForDepartment(Actor actor, LetterRecord letter) =>
        letter.Stage == LetterStage.DepartmentReview && InDepartment(actor, letter) && actor.IsInRole(RoleNames.DepartmentReviewer);

    /// <summary>A department's staff see the letters routed to it; the 公开办 is not a department here.</summary>
    private static bool InDepartment(Actor actor, LetterRecord letter) =>
        letter.DepartmentCode is { } code && actor.DepartmentCode == code
        && (actor.IsInRole(RoleNames.Editor) || actor.IsInRole(RoleNames.DepartmentReviewer));
}
