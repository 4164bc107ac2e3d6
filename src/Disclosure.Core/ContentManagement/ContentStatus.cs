namespace Disclosure.Core.ContentManagement;

/// <summary>The state of one version of a content item. Every version is kept; only its status moves.</summary>
public enum ContentStatus
{
    /// <summary>草稿: being written, editable.</summary>
    Draft,
    /// <summary>审核中: submitted, going through the review chain.</summary>
    InReview,
    /// <summary>已审批: passed every review step, waiting to be published.</summary>
    Approved,
    /// <summary>定时发布: approved and due to be published at a set time.</summary>
    Scheduled,
    /// <summary>已发布: the live version; at most one per item.</summary>
    Published,
    /// <summary>已撤回: taken off the public side with a reason; a notice stays in its place.</summary>
    Withdrawn,
    /// <summary>已归档: a version superseded by a later publication, or an abandoned draft.</summary>
    Archived,
}

public static class ContentStatusNames
{
    public static string DisplayName(ContentStatus status) => status switch
    {
        ContentStatus.Draft => "草稿",
        ContentStatus.InReview => "审核中",
        ContentStatus.Approved => "已审批",
        ContentStatus.Scheduled => "定时发布",
        ContentStatus.Published => "已发布",
        ContentStatus.Withdrawn => "已撤回",
        ContentStatus.Archived => "已归档",
        _ => status.ToString(),
    };
}
