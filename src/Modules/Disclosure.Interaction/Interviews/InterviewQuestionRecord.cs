using Disclosure.Interaction.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Interaction.Interviews;

/// <summary>
/// A question a member of the public sent to an interview (网友提问). Shown on the page only once approved
/// (<see cref="ModerationState.Approved"/>); the contact is for the office alone and never shown.
/// </summary>
public sealed class InterviewQuestionRecord
{
    public long Id { get; set; }

    /// <summary>The interview's content item (type <see cref="InterviewContent.TypeName"/>).</summary>
    public required string ContentItemId { get; set; }

    /// <summary>The name the sender chose to show (网名), or null for 网友.</summary>
    public string? Name { get; set; }

    /// <summary>How the office may reach the sender; never shown on the public site.</summary>
    public string? Contact { get; set; }

    public required string Text { get; set; }

    public DateTime SubmittedUtc { get; set; }

    public ModerationState State { get; set; }

    public string? ModeratedBy { get; set; }

    public DateTime? ModeratedUtc { get; set; }
}

internal sealed class InterviewQuestionConfiguration : IEntityTypeConfiguration<InterviewQuestionRecord>
{
    public void Configure(EntityTypeBuilder<InterviewQuestionRecord> question)
    {
        question.ToTable("InterviewQuestions");
        question.Property(q => q.ContentItemId).HasMaxLength(64);
        question.Property(q => q.Name).HasMaxLength(InterviewLimits.NameLength);
        question.Property(q => q.Contact).HasMaxLength(InterviewLimits.ContactLength);
        question.Property(q => q.Text).HasMaxLength(InterviewLimits.QuestionLength);
        question.Property(q => q.ModeratedBy).HasMaxLength(100);
        // The page lists an interview's approved questions; the moderation list its pending ones.
        question.HasIndex(q => new { q.ContentItemId, q.State, q.Id });
    }
}
