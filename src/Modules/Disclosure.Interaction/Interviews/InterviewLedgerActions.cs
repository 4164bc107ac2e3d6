namespace Disclosure.Interaction.Interviews;

/// <summary>
/// The 在线访谈 actions recorded in the 信息发布台账, subject <c>interview:&lt;content item id&gt;</c>. Their detail
/// never holds a sender's name or contact: a question is named by its number.
/// </summary>
public static class InterviewLedgerActions
{
    public const string SubjectPrefix = "interview:";

    public const string QuestionApproved = "interview-question-approved";
    public const string QuestionRejected = "interview-question-rejected";
    public const string EntryPosted = "interview-entry-posted";
    public const string EntryWithdrawn = "interview-entry-withdrawn";

    public static string Subject(string contentItemId) => SubjectPrefix + contentItemId;

    /// <summary>The zh-CN name, or null when the action is not one of these.</summary>
    public static string? DisplayName(string action) => action switch
    {
        QuestionApproved => "在线访谈：网友提问审核通过",
        QuestionRejected => "在线访谈：网友提问不予公开",
        EntryPosted => "在线访谈：发布文字直播",
        EntryWithdrawn => "在线访谈：撤回文字直播",
        _ => null,
    };
}
