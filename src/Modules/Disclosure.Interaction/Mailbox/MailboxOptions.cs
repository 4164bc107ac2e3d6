using Disclosure.Site.Forms;

namespace Disclosure.Interaction.Mailbox;

/// <summary>局长信箱's settings (<c>Interaction:Mailbox</c>).</summary>
public sealed class MailboxOptions
{
    public const string SectionName = "Interaction:Mailbox";

    /// <summary>The per-IP budget of the letter form.</summary>
    public const string WriteBudget = "Mailbox.Write";

    /// <summary>The per-IP budget of the status query and the rating form (they guess at the same codes).</summary>
    public const string StatusBudget = "Mailbox.Status";

    /// <summary>The rate-limiter policy of the mailbox's page views.</summary>
    public const string PageViewPolicy = "Mailbox.PageViews";

    /// <summary>Reply time limits in working days, counted from the day after receipt, per kind (咨询 5, 建议 10, 投诉/举报 15).</summary>
    public Dictionary<LetterKind, int> ReplyWorkingDays { get; set; } = new()
    {
        [LetterKind.Consultation] = 5,
        [LetterKind.Suggestion] = 10,
        [LetterKind.Complaint] = 15,
        [LetterKind.Report] = 15,
    };

    /// <summary>The most working days one approved extension (延期) may add.</summary>
    public int MaxExtensionWorkingDays { get; set; } = 10;

    /// <summary>Working days left at or below which an open letter is flagged 临近期限 on the dashboard.</summary>
    public int NearWorkingDays { get; set; } = 2;

    public int MaxAttachments { get; set; } = 3;

    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Published letters per page of the public list.</summary>
    public int PageSize { get; set; } = 20;

    public FormBudgetOptions Write { get; set; } = new() { PermitLimit = 5, WindowSeconds = 3600 };

    public FormBudgetOptions Status { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };

    /// <summary>Page views per address and minute (each form view issues a captcha).</summary>
    public int PageViewsPerMinute { get; set; } = 60;

    public int LimitFor(LetterKind kind) => ReplyWorkingDays.TryGetValue(kind, out var days) && days > 0 ? days : 15;
}
