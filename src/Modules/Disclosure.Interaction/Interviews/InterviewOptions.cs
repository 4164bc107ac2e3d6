namespace Disclosure.Interaction.Interviews;

/// <summary>
/// Settings of 在线访谈 (<c>Interaction:Interviews</c>): the per-IP limits of the question form and of the page
/// views (each issues a captcha), and how often the page's script asks for new 文字直播 entries. The limits are per
/// client IP address; behind a reverse proxy configure forwarded headers.
/// </summary>
public sealed class InterviewOptions
{
    public const string SectionName = "Interaction:Interviews";

    /// <summary>Questions (POST, with a valid form) allowed per IP address in <see cref="QuestionWindowSeconds"/>.</summary>
    public int QuestionPermitLimit { get; set; } = 10;

    public int QuestionWindowSeconds { get; set; } = 600;

    /// <summary>Views of an interview page allowed per IP address in <see cref="GetWindowSeconds"/> (<c>live.json</c> is not counted).</summary>
    public int GetPermitLimit { get; set; } = 60;

    public int GetWindowSeconds { get; set; } = 60;

    /// <summary>How often (seconds) the page's script asks <c>live.json</c> for new entries while the interview is live.</summary>
    public int PollSeconds { get; set; } = 5;
}
