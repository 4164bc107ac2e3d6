using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Interaction.Surveys;

/// <summary>A question of a survey, in <see cref="Order"/>. Fixed once the survey has answers.</summary>
public sealed class SurveyQuestionRecord
{
    public long Id { get; set; }

    public long SurveyId { get; set; }

    /// <summary>1, 2, 3 … as the questionnaire numbers them.</summary>
    public int Order { get; set; }

    public QuestionKind Kind { get; set; }

    public required string Text { get; set; }

    public bool Required { get; set; }

    /// <summary>Scale questions only: the lowest and highest value and what each end means (非常不满意 … 非常满意).</summary>
    public int? ScaleMin { get; set; }

    public int? ScaleMax { get; set; }

    public string? ScaleMinLabel { get; set; }

    public string? ScaleMaxLabel { get; set; }
}

/// <summary>An option of a single- or multiple-choice question, in <see cref="Order"/>.</summary>
public sealed class SurveyOptionRecord
{
    public long Id { get; set; }

    public long QuestionId { get; set; }

    public int Order { get; set; }

    public required string Text { get; set; }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestionRecord>
{
    public void Configure(EntityTypeBuilder<SurveyQuestionRecord> question)
    {
        question.ToTable("SurveyQuestions");
        question.HasOne<SurveyRecord>().WithMany().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        question.Property(q => q.Text).HasMaxLength(SurveyLimits.QuestionLength);
        question.Property(q => q.ScaleMinLabel).HasMaxLength(SurveyLimits.OptionLength);
        question.Property(q => q.ScaleMaxLabel).HasMaxLength(SurveyLimits.OptionLength);
        question.HasIndex(q => new { q.SurveyId, q.Order });
    }
}

internal sealed class SurveyOptionConfiguration : IEntityTypeConfiguration<SurveyOptionRecord>
{
    public void Configure(EntityTypeBuilder<SurveyOptionRecord> option)
    {
        option.ToTable("SurveyOptions");
        option.HasOne<SurveyQuestionRecord>().WithMany().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        option.Property(o => o.Text).HasMaxLength(SurveyLimits.OptionLength);
        option.HasIndex(o => new { o.QuestionId, o.Order });
    }
}
