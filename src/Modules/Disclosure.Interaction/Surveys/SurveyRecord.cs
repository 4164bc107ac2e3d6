using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Interaction.Surveys;

/// <summary>
/// A 社会评议 questionnaire. Drafted by the office, public once <see cref="PublishedUtc"/> is set, open for answers
/// from <see cref="OpensUtc"/> until <see cref="ClosesUtc"/>, its results public once <see cref="ResultsPublishedUtc"/> is set.
/// </summary>
public sealed class SurveyRecord
{
    public long Id { get; set; }

    public required string Title { get; set; }

    /// <summary>说明: plain text, paragraphs separated by blank lines.</summary>
    public required string Introduction { get; set; }

    public DateTime OpensUtc { get; set; }

    /// <summary>When answering stops; closing early moves it to the moment of closing (and sets <see cref="ClosedEarlyUtc"/>).</summary>
    public DateTime ClosesUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>Set when the office closed the survey before its planned end (the 台账 keeps the planned end).</summary>
    public DateTime? ClosedEarlyUtc { get; set; }

    public DateTime? ResultsPublishedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<SurveyRecord>
{
    public void Configure(EntityTypeBuilder<SurveyRecord> survey)
    {
        survey.ToTable("Surveys");
        survey.Property(s => s.Title).HasMaxLength(SurveyLimits.TitleLength);
        survey.Property(s => s.Introduction).HasMaxLength(SurveyLimits.IntroductionLength);
        survey.Property(s => s.CreatedBy).HasMaxLength(100);
        survey.HasIndex(s => new { s.PublishedUtc, s.ClosesUtc });
    }
}
