using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Interaction.Ratings;

/// <summary>What was rated: a 局长信箱 reply or a 依申请公开 reply.</summary>
public enum RatedReply
{
    /// <summary>局长信箱.</summary>
    Letter = 1,

    /// <summary>依申请公开.</summary>
    Request = 2,
}

/// <summary>满意 / 基本满意 / 不满意.</summary>
public enum Satisfaction
{
    Satisfied = 1,
    BasicallySatisfied = 2,
    Dissatisfied = 3,
}

/// <summary>The office's 回访 after a 不满意.</summary>
public enum FollowUpState
{
    /// <summary>No follow-up needed (满意, 基本满意).</summary>
    None = 0,

    /// <summary>待回访.</summary>
    Open = 1,

    /// <summary>已回访.</summary>
    Closed = 2,
}

/// <summary>
/// One rating of one reply (the unique index on the reply makes it once only), given by its writer or applicant through
/// their 查询码. The department is the one that handled the reply, copied when rated, for the per-department figures.
/// </summary>
public sealed class ReplyRatingRecord
{
    public long Id { get; set; }

    public RatedReply Reply { get; set; }

    /// <summary>The letter's or the application's key.</summary>
    public long SubjectId { get; set; }

    /// <summary>信件编号 or 申请编号, for the office's lists.</summary>
    public required string SubjectNumber { get; set; }

    public string? DepartmentCode { get; set; }

    public Satisfaction Rating { get; set; }

    public string? Comment { get; set; }

    public DateTime RatedUtc { get; set; }

    /// <summary>yyyyMM of the rating's day (China time): the monthly figures group by it.</summary>
    public int RatedMonth { get; set; }

    public FollowUpState FollowUp { get; set; }

    public string? FollowUpNote { get; set; }

    public string? FollowUpBy { get; set; }

    public DateTime? FollowUpUtc { get; set; }
}

internal sealed class ReplyRatingConfiguration : IEntityTypeConfiguration<ReplyRatingRecord>
{
    public void Configure(EntityTypeBuilder<ReplyRatingRecord> rating)
    {
        rating.ToTable("InteractionRatings");
        // One rating per reply, whatever reaches the database first.
        rating.HasIndex(r => new { r.Reply, r.SubjectId }).IsUnique();
        rating.Property(r => r.SubjectNumber).HasMaxLength(40);
        rating.Property(r => r.DepartmentCode).HasMaxLength(64);
        rating.Property(r => r.Comment).HasMaxLength(500);
        rating.Property(r => r.FollowUpNote).HasMaxLength(1000);
        rating.Property(r => r.FollowUpBy).HasMaxLength(100);
        rating.HasIndex(r => new { r.RatedMonth, r.Reply, r.Rating });
        rating.HasIndex(r => new { r.RatedMonth, r.DepartmentCode, r.Rating });
        rating.HasIndex(r => r.FollowUp);
    }
}

public static class SatisfactionNames
{
    public static IReadOnlyList<Satisfaction> All { get; } = [Satisfaction.Satisfied, Satisfaction.BasicallySatisfied, Satisfaction.Dissatisfied];

    public static string Name(Satisfaction rating) => rating switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
        _ => rating.ToString(),
    };

    public static string Reply(RatedReply reply) => reply == RatedReply.Letter ? "局长信箱" : "依申请公开";
}
