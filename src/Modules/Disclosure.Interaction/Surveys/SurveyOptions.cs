namespace Disclosure.Interaction.Surveys;

/// <summary>
/// Settings of 社会评议 (<c>Interaction:Surveys</c>): the per-IP budgets of the answer form. The budgets, the captcha
/// and the cookie together make one answer per person best-effort, as the answer page says; behind a reverse proxy
/// configure forwarded headers so the address is the visitor's.
/// </summary>
public sealed class SurveyOptions
{
    public const string SectionName = "Interaction:Surveys";

    /// <summary>Submitted answer forms allowed per IP address in <see cref="AnswerWindowSeconds"/> (an office or a school shares one address).</summary>
    public int AnswerPermitLimit { get; set; } = 20;

    public int AnswerWindowSeconds { get; set; } = 3600;

    /// <summary>Views of the survey pages (an answer page issues a captcha on each) per IP address in <see cref="GetWindowSeconds"/>.</summary>
    public int GetPermitLimit { get; set; } = 60;

    public int GetWindowSeconds { get; set; } = 60;

    /// <summary>How long the browser keeps the mark that it answered a survey, counted from the survey's end.</summary>
    public int AnsweredCookieDays { get; set; } = 365;
}
