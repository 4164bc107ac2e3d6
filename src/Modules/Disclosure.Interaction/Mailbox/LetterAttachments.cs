using Disclosure.Core.Text;
using Disclosure.Media;
using Microsoft.AspNetCore.Http;

namespace Disclosure.Interaction.Mailbox;

/// <summary>
/// Checks the files sent with a letter by their content, not their names: the extension must be on the media
/// allow-list and the bytes must be what it claims (a renamed executable or a “.pdf” that is an image is refused),
/// within the count and size the settings allow. Each refusal names the file and says why, in zh-CN.
/// </summary>
public static class LetterAttachments
{
    public static async Task<(List<NewLetterAttachment> Files, string? Error)> ReadAsync(IReadOnlyList<IFormFile> uploads, MailboxOptions settings, CancellationToken cancellationToken)
    {
        var files = new List<NewLetterAttachment>();
        var chosen = uploads.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count > settings.MaxAttachments)
        {
            return (files, $"附件最多 {settings.MaxAttachments} 个。");
        }

        foreach (var upload in chosen)
        {
            var name = SafeName(upload.FileName);
            var extension = Path.GetExtension(name).ToLowerInvariant();
            if (!MediaKinds.TryGetKind(extension, out var expected))
            {
                return (files, $"附件“{name}”的类型不支持，允许：{MediaKinds.AllowedDescription}。");
            }

            if (upload.Length == 0)
            {
                return (files, $"附件“{name}”是空文件。");
            }

            if (upload.Length > settings.MaxAttachmentBytes)
            {
                return (files, $"附件“{name}”大小 {FileSizeText.Format(upload.Length)}，超过上限 {FileSizeText.Format(settings.MaxAttachmentBytes)}。");
            }

            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, cancellationToken);
            var bytes = buffer.ToArray();
            buffer.Position = 0;
            var actual = MediaSniffer.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, MediaSniffer.HeadLength)), extension, buffer);
            if (actual != expected)
            {
                return (files, $"附件“{name}”的内容与扩展名 {extension} 不符，请上传真实的 {MediaKinds.DisplayName(expected)} 文件。");
            }

            files.Add(new NewLetterAttachment(name, MediaKinds.MediaTypeOf(expected), bytes));
        }

        return (files, null);
    }

    /// <summary>The file's own name without any path, control characters or more than 100 characters.</summary>
    private static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not '/' and not '"').ToArray()).Trim();
        if (name.Length == 0)
        {
            return "附件";
        }

        var extension = Path.GetExtension(name);
        return name.Length <= 100 ? name : name[..(100 - extension.Length)] + extension;
    }
}
