namespace Disclosure.Interaction.Consultations;

/// <summary>
/// The 征求意见 office actions recorded in the 信息发布台账, with the subject <c>consultation:&lt;内容 id&gt;</c>. Their
/// detail never holds what a commenter typed or how to reach them: a comment is named by its number.
/// </summary>
public static class ConsultationLedgerActions
{
    public const string SubjectPrefix = "consultation:";

    public const string CommentApproved = "consultation-comment-approved";
    public const string CommentRejected = "consultation-comment-rejected";
    public const string CommentsExported = "consultation-comments-exported";
    public const string FeedbackStarted = "consultation-feedback-started";

    /// <summary>The ledger's subject column holds 64 characters; a longer 内容 id is cut (ids made by the site have 26).</summary>
    public static string Subject(string consultationId)
    {
        var subject = SubjectPrefix + consultationId;
        return subject.Length <= 64 ? subject : subject[..64];
    }

    /// <summary>The zh-CN name, or null when the action is not one of these.</summary>
    public static string? DisplayName(string action) => action switch
    {
        CommentApproved => "征求意见：公开意见",
        CommentRejected => "征求意见：意见不予公开",
        CommentsExported => "征求意见：导出意见",
        FeedbackStarted => "征求意见：起草意见采纳情况",
        _ => null,
    };
}
