namespace Disclosure.Interaction.Mailbox;

/// <summary>What a letter to the 局长信箱 is. Each kind has its own reply time limit (<see cref="MailboxOptions.ReplyWorkingDays"/>).</summary>
public enum LetterKind
{
    /// <summary>咨询.</summary>
    Consultation = 1,

    /// <summary>建议.</summary>
    Suggestion = 2,

    /// <summary>投诉.</summary>
    Complaint = 3,

    /// <summary>举报: never published; the writer's data is for the 公开办 and the handling department only.</summary>
    Report = 4,
}

/// <summary>Where a letter stands: 待分办 → 办理中 → 待部门审核 → 待公开办审核 → 已答复.</summary>
public enum LetterStage
{
    /// <summary>待分办: received, waiting for the 公开办 to route it to a department.</summary>
    Received = 0,

    /// <summary>办理中: routed; the department drafts the reply (or it came back to them).</summary>
    Drafting = 1,

    /// <summary>待部门审核: the draft waits for the department head (部门负责人).</summary>
    DepartmentReview = 2,

    /// <summary>待公开办审核: approved by the department, waiting for the 公开办 to send it.</summary>
    OfficeReview = 3,

    /// <summary>已答复: the reply is sent; the writer sees it with their 查询码.</summary>
    Replied = 4,
}

public static class LetterNames
{
    public static IReadOnlyList<LetterKind> Kinds { get; } = [LetterKind.Consultation, LetterKind.Suggestion, LetterKind.Complaint, LetterKind.Report];

    public static string Kind(LetterKind kind) => kind switch
    {
        LetterKind.Consultation => "咨询",
        LetterKind.Suggestion => "建议",
        LetterKind.Complaint => "投诉",
        LetterKind.Report => "举报",
        _ => kind.ToString(),
    };

    public static string Stage(LetterStage stage) => stage switch
    {
        LetterStage.Received => "待分办",
        LetterStage.Drafting => "办理中",
        LetterStage.DepartmentReview => "待部门审核",
        LetterStage.OfficeReview => "待公开办审核",
        LetterStage.Replied => "已答复",
        _ => stage.ToString(),
    };

    /// <summary>The kind typed in a form or a recipe (“consultation” or “咨询”), or null.</summary>
    public static LetterKind? ParseKind(string? text) =>
        Kinds.Cast<LetterKind?>().FirstOrDefault(k => string.Equals(k.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase) || Kind(k!.Value) == text?.Trim());
}
