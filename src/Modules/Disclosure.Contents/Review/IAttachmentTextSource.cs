namespace Disclosure.Contents.Review;

/// <summary>Reads the text of an attachment for the secrecy scan.</summary>
public interface IAttachmentTextSource
{
    /// <summary>
    /// The attachment's text, or why it cannot be scanned (an image, a scan without a text layer, a kind whose text
    /// can't be read here, a damaged or missing file). Never "no findings" for a file that was not read.
    /// </summary>
    Task<AttachmentReading> ReadAsync(string path, CancellationToken cancellationToken);
}

/// <summary>What reading an attachment for the secrecy scan gave: its <see cref="Text"/>, or the zh-CN reason it could not be scanned.</summary>
public sealed record AttachmentReading
{
    private AttachmentReading(string? text, string? notScannedReason) => (Text, NotScannedReason) = (text, notScannedReason);

    /// <summary>The text to scan; null when the file could not be read.</summary>
    public string? Text { get; }

    /// <summary>Why the file could not be scanned, shown to the 保密审查员 (e.g. “图片无法自动识别文字”).</summary>
    public string? NotScannedReason { get; }

    public static AttachmentReading Scanned(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    public static AttachmentReading NotScanned(string reason) =>
        new(null, string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A reason is required.", nameof(reason)) : reason);
}
