namespace Disclosure.Site.Forms;

/// <summary>
/// An image captcha waiting for its answer. Kept in the database so any web node can check it; each challenge is
/// deleted by its first check, right or wrong, so it cannot be tried twice.
/// </summary>
public sealed class CaptchaChallengeRecord
{
    public required string Id { get; set; }
    public required string Answer { get; set; }
    public DateTime ExpiresUtc { get; set; }
}
