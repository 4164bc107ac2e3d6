using Disclosure.Storage.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Interaction.Interviews;

/// <summary>Who speaks in an entry of the 文字直播.</summary>
public enum InterviewEntryKind
{
    /// <summary>主持人.</summary>
    Host = 0,

    /// <summary>嘉宾: <see cref="InterviewEntryRecord.Speaker"/> names which guest.</summary>
    Guest = 1,

    /// <summary>网友提问: quotes an approved question (<see cref="InterviewEntryRecord.QuestionId"/>).</summary>
    Question = 2,
}

public static class InterviewEntryKinds
{
    public static string DisplayName(InterviewEntryKind kind) => kind switch
    {
        InterviewEntryKind.Host => "主持人",
        InterviewEntryKind.Guest => "嘉宾",
        InterviewEntryKind.Question => "网友提问",
        _ => kind.ToString(),
    };
}

/// <summary>
/// One entry of an interview's 文字直播, posted by the office. Readers page through the published entries by
/// <see cref="Sequence"/>, which is taken when the entry is published from a counter held until commit, so the
/// sequence is also the order in which entries became visible: a reader asking for those after N never misses one
/// committed later with a smaller number. A public read model: every write moves the public revision, so the item
/// page's 文字实录 (<c>/content/{id}</c>, cached by that revision) follows the entries.
/// </summary>
public sealed class InterviewEntryRecord : IPublicReadModel
{
    public long Id { get; set; }

    public required string ContentItemId { get; set; }

    public InterviewEntryKind Kind { get; set; }

    /// <summary>主持人's or the guest's name as shown (“嘉宾 张三（县公安局副局长）”); for a question, who asked it.</summary>
    public string? Speaker { get; set; }

    /// <summary>The approved question this entry quotes (网友提问).</summary>
    public long? QuestionId { get; set; }

    /// <summary>Plain text: encoded when shown, never HTML.</summary>
    public required string Text { get; set; }

    /// <summary>A picture checked by content (<c>MediaStore</c>), its stored path; null without one.</summary>
    public string? PicturePath { get; set; }

    /// <summary>The picture's text alternative, written by the office.</summary>
    public string? PictureAlt { get; set; }

    /// <summary>Null while a draft; the reader's paging key once published.</summary>
    public long? Sequence { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>Set when the office took a published entry back: it is left out from then on.</summary>
    public DateTime? WithdrawnUtc { get; set; }

    public required string PostedBy { get; set; }

    public DateTime PostedUtc { get; set; }
}

internal sealed class InterviewEntryConfiguration : IEntityTypeConfiguration<InterviewEntryRecord>
{
    public void Configure(EntityTypeBuilder<InterviewEntryRecord> entry)
    {
        entry.ToTable("InterviewEntries");
        entry.Property(e => e.ContentItemId).HasMaxLength(64);
        entry.Property(e => e.Speaker).HasMaxLength(200);
        entry.Property(e => e.Text).HasMaxLength(InterviewLimits.EntryLength);
        entry.Property(e => e.PicturePath).HasMaxLength(300);
        entry.Property(e => e.PictureAlt).HasMaxLength(200);
        entry.Property(e => e.PostedBy).HasMaxLength(100);
        entry.HasOne<InterviewQuestionRecord>().WithMany().HasForeignKey(e => e.QuestionId).OnDelete(DeleteBehavior.Restrict);
        // live.json?after=N: an interview's published entries by sequence.
        entry.HasIndex(e => new { e.ContentItemId, e.Sequence });
    }
}
