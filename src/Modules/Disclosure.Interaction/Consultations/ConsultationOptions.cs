namespace Disclosure.Interaction.Consultations;

/// <summary>
/// Settings of 征求意见 (<c>Interaction:Consultations</c>): the per-IP budget of comment submissions and of page views
/// (each view of an open consultation issues a captcha). Limits are per client IP address; behind a reverse proxy
/// configure forwarded headers.
/// </summary>
public sealed class ConsultationOptions
{
    public const string SectionName = "Interaction:Consultations";

    /// <summary>Comments (POST with a valid form) allowed per IP address in <see cref="CommentWindowSeconds"/>.</summary>
    public int CommentPermitLimit { get; set; } = 10;

    public int CommentWindowSeconds { get; set; } = 600;

    /// <summary>Views of the consultation pages allowed per IP address in <see cref="GetWindowSeconds"/>.</summary>
    public int GetPermitLimit { get; set; } = 120;

    public int GetWindowSeconds { get; set; } = 60;
}
