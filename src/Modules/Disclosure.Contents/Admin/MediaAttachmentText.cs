using Disclosure.Contents.Review;
using Disclosure.Media;

namespace Disclosure.Contents.Admin;

/// <summary>
/// Reads an attachment's text for the secrecy scan from the media store. Whatever can't be read — a missing file,
/// an extension outside the allow-list, an image, an old Office file, a PDF without a text layer, a damaged or
/// encrypted document — comes back as not scanned with the reason, never as an empty text that would pass as clean.
/// </summary>
public sealed class MediaAttachmentText(MediaStore store) : IAttachmentTextSource
{
    public async Task<AttachmentReading> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!store.Exists(path))
        {
            return AttachmentReading.NotScanned("找不到附件文件");
        }

        if (!MediaKinds.TryGetKind(Path.GetExtension(path), out var kind))
        {
            return AttachmentReading.NotScanned("无法识别的文件类型");
        }

        try
        {
            await using var stream = store.OpenRead(path);
            var text = await AttachmentText.ExtractAsync(stream, kind, cancellationToken);
            return text is null || (kind == MediaKind.Pdf && text.Length == 0)
                ? AttachmentReading.NotScanned(AttachmentText.WhyNoText(kind))
                : AttachmentReading.Scanned(text);
        }
        catch (MediaRejectedException ex)
        {
            return AttachmentReading.NotScanned(ex.Message.TrimEnd('。'));
        }
        catch (IOException)
        {
            return AttachmentReading.NotScanned("读取附件文件时出错");
        }
    }
}
