using Disclosure.Storage.Agencies;
namespace Disclosure.Interaction.Mailbox;

/// <summary>
/// A letter to the 局长信箱 and how it was answered. The writer's personal data is apart (<see cref="LetterWriterRecord"/>);
/// the published copy (<see cref="PublicSubject"/>, <see cref="PublicBody"/>, <see cref="PublicReply"/>) is the masked
/// text the 公开办 confirmed, never the original.
/// </summary>
public sealed class LetterRecord : IAgencyOwned
{
    public long Id { get; set; }

    /// <summary>The agency whose 局长信箱 received the letter.</summary>
    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>信件编号, XX2026-000123: the year of receipt and a running number.</summary>
    public required string Number { get; set; }

    /// <summary>查询码 (<see cref="Disclosure.Core.Security.TrackingCode"/>), the normalised 12 characters.</summary>
    public required string TrackingCode { get; set; }

    public LetterKind Kind { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>The writer agreed that the letter and reply may be published (never for a 举报).</summary>
    public bool MayPublish { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>yyyyMM of <see cref="ReceivedOn"/>: the monthly figures group by it on both databases alike.</summary>
    public int ReceivedMonth { get; set; }

    public DateTime ReceivedUtc { get; set; }

    public LetterStage Stage { get; set; }

    /// <summary>The department it was routed to (分办), null while 待分办.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>Approved extension (延期) in working days, 0 when none.</summary>
    public int ExtensionWorkingDays { get; set; }

    /// <summary>The reply's draft while 办理中 and under review; the reply as sent once 已答复.</summary>
    public string? Reply { get; set; }

    /// <summary>Who the reply is signed by (答复单位), the department's name when it was sent.</summary>
    public string? ReplyUnit { get; set; }

    public DateOnly? RepliedOn { get; set; }

    /// <summary>yyyyMM of <see cref="RepliedOn"/>.</summary>
    public int? RepliedMonth { get; set; }

    /// <summary>Working days from receipt to reply on the calendar of the day it was sent (the statistics' average).</summary>
    public int? ReplyWorkingDays { get; set; }

    /// <summary>Sent on or before its due date (extension included).</summary>
    public bool? RepliedOnTime { get; set; }

    public string? PublicSubject { get; set; }

    public string? PublicBody { get; set; }

    public string? PublicReply { get; set; }

    /// <summary>When the masked copy went public; null when not (or no longer) published.</summary>
    public DateTime? PublishedUtc { get; set; }
}

/// <summary>The writer's personal data, read only by the 公开办 and the handling department (<see cref="LetterAccess"/>).</summary>
public sealed class LetterWriterRecord
{
    public long LetterId { get; set; }

    public required string Name { get; set; }

    public required string Phone { get; set; }

    public string? IdNumber { get; set; }

    public string? Email { get; set; }
}

/// <summary>A file sent with a letter, checked by content on the way in.</summary>
public sealed class LetterAttachmentRecord
{
    public long Id { get; set; }

    public long LetterId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>One step in a letter's handling (分办, 提交审核, 退回, 延期 …): the office's own timeline, with the note typed.</summary>
public sealed class LetterStepRecord
{
    public long Id { get; set; }

    public long LetterId { get; set; }

    public required string Action { get; set; }

    public string? Note { get; set; }

    public required string Actor { get; set; }

    public DateTime AtUtc { get; set; }
}
