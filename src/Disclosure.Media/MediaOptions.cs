namespace Disclosure.Media;

/// <summary>Limits on uploaded attachments.</summary>
public sealed class MediaOptions
{
    /// <summary>The largest attachment accepted, in bytes (default 20 MB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
