namespace Disclosure.Interaction.Surveys;

/// <summary>A questionnaire as the office writes it; the questions are numbered in list order.</summary>
public sealed record SurveyDraft(string Title, string Introduction, DateTime OpensUtc, DateTime ClosesUtc, IReadOnlyList<QuestionDraft> Questions);

/// <summary>A question as written: options for choice questions, the ends and their labels for a scale.</summary>
public sealed record QuestionDraft(QuestionKind Kind, string Text, bool Required, IReadOnlyList<string> Options)
{
    public int ScaleMin { get; init; } = 1;

    public int ScaleMax { get; init; } = 5;

    public string? ScaleMinLabel { get; init; }

    public string? ScaleMaxLabel { get; init; }
}

/// <summary>Why an office action was refused, in zh-CN; a draft lists every problem at once.</summary>
public sealed class SurveyException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public SurveyException(string error)
        : this([error])
    {
    }

    public IReadOnlyList<string> Errors { get; } = errors;
}
