namespace Disclosure.Interaction.Surveys;

/// <summary>The lengths the tables allow and the forms check, in characters.</summary>
public static class SurveyLimits
{
    public const int TitleLength = 200;
    public const int IntroductionLength = 4000;
    public const int QuestionLength = 500;
    public const int OptionLength = 200;
    public const int TextAnswerLength = 2000;
    public const int MaxQuestions = 60;
    public const int MaxOptions = 20;

    /// <summary>The widest scale (0–10 is the widest in use).</summary>
    public const int ScaleBound = 10;
}
