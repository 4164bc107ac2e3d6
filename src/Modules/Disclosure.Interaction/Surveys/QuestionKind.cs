namespace Disclosure.Interaction.Surveys;

/// <summary>What a question of a 社会评议 questionnaire asks for. Stored as its number: never renumber.</summary>
public enum QuestionKind
{
    /// <summary>单选题: exactly one option.</summary>
    SingleChoice = 0,

    /// <summary>多选题: any number of options (at least one when required).</summary>
    MultipleChoice = 1,

    /// <summary>量表题: a whole number between the question's ends (1–5 by default), each end labelled.</summary>
    Scale = 2,

    /// <summary>填空题: free text, shown in the published results only after moderation.</summary>
    FreeText = 3,
}

public static class QuestionKinds
{
    public static IReadOnlyList<QuestionKind> All { get; } = [QuestionKind.SingleChoice, QuestionKind.MultipleChoice, QuestionKind.Scale, QuestionKind.FreeText];

    public static string DisplayName(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "单选题",
        QuestionKind.MultipleChoice => "多选题",
        QuestionKind.Scale => "量表题",
        QuestionKind.FreeText => "填空题",
        _ => kind.ToString(),
    };

    /// <summary>The code a recipe or form names a kind by.</summary>
    public static string Code(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "single",
        QuestionKind.MultipleChoice => "multiple",
        QuestionKind.Scale => "scale",
        _ => "text",
    };

    public static QuestionKind? FromCode(string? code) => code switch
    {
        "single" => QuestionKind.SingleChoice,
        "multiple" => QuestionKind.MultipleChoice,
        "scale" => QuestionKind.Scale,
        "text" => QuestionKind.FreeText,
        _ => null,
    };

    public static bool HasOptions(QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
}
