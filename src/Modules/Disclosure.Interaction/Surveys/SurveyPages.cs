namespace Disclosure.Interaction.Surveys;

/// <summary><c>/surveys</c>: the surveys open now and the closed ones with published results.</summary>
public sealed record SurveyListPage(IReadOnlyList<SurveyRecord> Open, IReadOnlyList<SurveyRecord> WithResults);

/// <summary>Where a survey stands for the visitor on its page.</summary>
public enum SurveyPageState
{
    Open,
    NotYetOpen,
    Closed,

    /// <summary>This browser has answered it already (the cookie).</summary>
    Answered,
}

/// <summary>
/// <c>/surveys/{id}</c>: the questionnaire and, while open, the form with what was typed (after a refused submission),
/// the problems per question and a fresh captcha.
/// </summary>
public sealed record SurveyAnswerPage(
    SurveyDefinition Definition,
    SurveyPageState State,
    IReadOnlyDictionary<long, IReadOnlyList<string>> Values,
    IReadOnlyDictionary<string, string> Errors,
    string? CaptchaId,
    string? CaptchaImage)
{
    public SurveyRecord Survey => Definition.Survey;

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    public bool Chose(long questionId, string value) => Values.TryGetValue(questionId, out var given) && given.Contains(value);

    public string? Text(long questionId) => Values.TryGetValue(questionId, out var given) ? string.Join("\n", given) : null;

    /// <summary>The id of a field's message element, for aria-describedby.</summary>
    public static string ErrorId(string field) => "error-" + field;
}
