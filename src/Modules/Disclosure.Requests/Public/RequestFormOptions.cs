namespace Disclosure.Requests.Public;

/// <summary>
/// Settings of the public 依申请公开 pages (<c>Requests</c> section). The limits are per client IP address; behind a
/// reverse proxy configure forwarded headers so that the address is the visitor's, not the proxy's.
/// </summary>
public sealed class RequestFormOptions
{
    public const string SectionName = "Requests";

    /// <summary>Applications submitted (POST, with a valid form) allowed per IP address in <see cref="PostWindowSeconds"/>.</summary>
    public int PostPermitLimit { get; set; } = 10;

    public int PostWindowSeconds { get; set; } = 600;

    /// <summary>Status queries (POST, with a valid form) allowed per IP address in <see cref="StatusWindowSeconds"/>; a budget of their own.</summary>
    public int StatusPermitLimit { get; set; } = 10;

    public int StatusWindowSeconds { get; set; } = 600;

    /// <summary>Page views (GET, each issuing a captcha) allowed per IP address in <see cref="GetWindowSeconds"/>.</summary>
    public int GetPermitLimit { get; set; } = 60;

    public int GetWindowSeconds { get; set; } = 60;
}
