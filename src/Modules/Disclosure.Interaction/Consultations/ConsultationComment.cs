using Disclosure.Interaction.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Interaction.Consultations;

/// <summary>
/// One comment the public sent on a consultation. The name is optional and shown with the comment once approved; the
/// phone and e-mail are for the office only and never shown. Nothing is shown before <see cref="State"/> is Approved.
/// </summary>
public sealed class ConsultationCommentRecord
{
    public long Id { get; set; }

    /// <summary>The consultation's 内容 id (its content item), not a foreign key: content is the kernel's.</summary>
    public required string ConsultationId { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public required string Body { get; set; }

    public ModerationState State { get; set; }

    public DateTime SubmittedUtc { get; set; }

    public DateTime? ModeratedUtc { get; set; }

    public string? ModeratedBy { get; set; }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationCommentRecord>
{
    public void Configure(EntityTypeBuilder<ConsultationCommentRecord> comment)
    {
        comment.ToTable("ConsultationComments");
        comment.Property(c => c.ConsultationId).HasMaxLength(64);
        comment.Property(c => c.Name).HasMaxLength(ConsultationCommentInput.NameMaxLength);
        comment.Property(c => c.Phone).HasMaxLength(ConsultationCommentInput.PhoneMaxLength);
        comment.Property(c => c.Email).HasMaxLength(ConsultationCommentInput.EmailMaxLength);
        comment.Property(c => c.Body).HasMaxLength(ConsultationCommentInput.BodyMaxLength);
        comment.Property(c => c.ModeratedBy).HasMaxLength(100);
        // The public page (approved comments of one consultation) and the counts by state come from this index.
        comment.HasIndex(c => new { c.ConsultationId, c.State, c.SubmittedUtc });
    }
}
