using Disclosure.Interaction.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Interaction.Surveys;

/// <summary>
/// One submitted questionnaire (答卷). Nothing identifies the person: only the hash of the captcha challenge it was
/// answered with, unique, so one challenge can never carry two answers even if two requests race.
/// </summary>
public sealed class SurveyResponseRecord
{
    public long Id { get; set; }

    public long SurveyId { get; set; }

    public DateTime SubmittedUtc { get; set; }

    /// <summary>SHA-256 (hex) of the captcha challenge's id.</summary>
    public required string ChallengeHash { get; set; }
}

/// <summary>
/// One answer of a response: a chosen option (a multiple-choice question has one row per option chosen), a scale
/// value or a free text with its moderation state. Results are counted over these rows by GROUP BY.
/// </summary>
public sealed class SurveyAnswerRecord
{
    public long Id { get; set; }

    public long ResponseId { get; set; }

    /// <summary>The response's survey, repeated here so a survey's counts need no join.</summary>
    public long SurveyId { get; set; }

    public long QuestionId { get; set; }

    public long? OptionId { get; set; }

    public int? ScaleValue { get; set; }

    public string? Text { get; set; }

    /// <summary>Free text only: shown in the published results once <see cref="ModerationState.Approved"/>.</summary>
    public ModerationState? Moderation { get; set; }

    public DateTime? ModeratedUtc { get; set; }

    public string? ModeratedBy { get; set; }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponseRecord>
{
    public void Configure(EntityTypeBuilder<SurveyResponseRecord> response)
    {
        response.ToTable("SurveyResponses");
        response.HasOne<SurveyRecord>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        response.Property(r => r.ChallengeHash).HasMaxLength(64).IsFixedLength();
        response.HasIndex(r => r.ChallengeHash).IsUnique();
        response.HasIndex(r => r.SurveyId);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswerRecord>
{
    public void Configure(EntityTypeBuilder<SurveyAnswerRecord> answer)
    {
        answer.ToTable("SurveyAnswers");
        answer.HasOne<SurveyResponseRecord>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        answer.HasOne<SurveyQuestionRecord>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        answer.HasOne<SurveyOptionRecord>().WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Restrict);
        answer.Property(a => a.Text).HasMaxLength(SurveyLimits.TextAnswerLength);
        answer.Property(a => a.ModeratedBy).HasMaxLength(100);
        // The results' GROUP BYs: per option, per scale value, free text by state; and the export, response by response.
        answer.HasIndex(a => new { a.SurveyId, a.QuestionId, a.OptionId });
        answer.HasIndex(a => new { a.SurveyId, a.QuestionId, a.ScaleValue });
        answer.HasIndex(a => new { a.SurveyId, a.Moderation });
        answer.HasIndex(a => a.ResponseId);
    }
}
