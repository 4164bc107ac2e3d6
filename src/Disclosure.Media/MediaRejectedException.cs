namespace Disclosure.Media;

/// <summary>
/// An attachment that cannot be accepted. The message is zh-CN and meant for the person who uploaded it: it says
/// what was wrong and what is allowed, so it can be shown as it is.
/// </summary>
public sealed class MediaRejectedException : Exception
{
    public MediaRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Keeps the parser's own exception for the log while the user sees only <paramref name="message"/>.</summary>
    public MediaRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
