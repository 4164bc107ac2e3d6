namespace Disclosure.Interaction.Mailbox;

/// <summary>
/// 局长信箱's actions in the 信息发布台账 and in a letter's own timeline. A letter is named by its 信件编号 in the
/// subject (<c>letter:XJ2026-000123</c>); the detail never holds the writer's personal data.
/// </summary>
public static class MailboxLedgerActions
{
    public const string SubjectPrefix = "letter:";

    public const string Received = "mailbox-received";
    public const string Routed = "mailbox-routed";
    public const string SentBack = "mailbox-sent-back";
    public const string DraftSaved = "mailbox-draft-saved";
    public const string Submitted = "mailbox-submitted";
    public const string DepartmentApproved = "mailbox-department-approved";
    public const string Returned = "mailbox-returned";
    public const string Replied = "mailbox-replied";
    public const string Extended = "mailbox-extended";
    public const string Published = "mailbox-published";
    public const string Withdrawn = "mailbox-withdrawn";
    public const string WriterViewed = "mailbox-writer-viewed";

    public static string Subject(string number) => SubjectPrefix + number;

    public static string? DisplayName(string action) => action switch
    {
        Received => "收到来信",
        Routed => "来信分办",
        SentBack => "退回分办",
        DraftSaved => "保存答复草稿",
        Submitted => "答复提交审核",
        DepartmentApproved => "部门负责人审核通过",
        Returned => "答复退回修改",
        Replied => "答复来信",
        Extended => "来信办理延期",
        Published => "公开来信及答复",
        Withdrawn => "撤回公开的来信",
        WriterViewed => "查看来信人信息",
        _ => null,
    };
}
