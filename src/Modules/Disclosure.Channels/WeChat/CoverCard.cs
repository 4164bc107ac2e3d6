using SkiaSharp;

namespace Disclosure.Channels.WeChat;

/// <summary>
/// A title card for an item without a picture: the title in white on the official red, the 发布机构 beneath, drawn
/// with SkiaSharp in a CJK font (Debian's fonts-noto-cjk unless <see cref="WeChatOptions.CoverFont"/> names one).
/// </summary>
public static class CoverCard
{
    private static readonly string[] FontCandidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    ];

    /// <summary>Loaded once per font file: a CJK collection is tens of megabytes to parse.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SKTypeface> Faces = new();

    public static byte[] Draw(string title, string? agency, string? fontFile)
    {
        var typeface = Faces.GetOrAdd(fontFile ?? string.Empty, file => LoadTypeface(file.Length == 0 ? null : file));
        using var surface = SKSurface.Create(new SKImageInfo(WeChatImages.ThumbWidth, WeChatImages.ThumbHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        using (var background = new SKPaint())
        {
            background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(WeChatImages.ThumbWidth, WeChatImages.ThumbHeight),
                [new SKColor(0xA6, 0x1B, 0x1B), new SKColor(0xC6, 0x28, 0x28)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, WeChatImages.ThumbWidth, WeChatImages.ThumbHeight, background);
        }

        using var gold = new SKPaint { Color = new SKColor(0xF2, 0xC9, 0x4C), IsAntialias = true };
        canvas.DrawRect(60, 300, WeChatImages.ThumbWidth - 120, 3, gold);

        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        // The largest size at which the title fits in three lines.
        var size = 64f;
        List<string> lines;
        using var font = new SKFont(typeface, size);
        while (true)
        {
            font.Size = size;
            lines = Wrap(title, font, WeChatImages.ThumbWidth - 120);
            if (lines.Count <= 3 || size <= 30)
            {
                break;
            }

            size -= 4;
        }

        if (lines.Count > 3)
        {
            lines = [.. lines.Take(3)];
            lines[2] = lines[2][..Math.Max(0, lines[2].Length - 1)] + "…";
        }

        var lineHeight = size * 1.3f;
        var top = (300 - lineHeight * lines.Count) / 2 + size;
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.DrawText(lines[i], WeChatImages.ThumbWidth / 2f, top + i * lineHeight, SKTextAlign.Center, font, white);
        }

        if (!string.IsNullOrWhiteSpace(agency))
        {
            using var small = new SKFont(typeface, 26);
            canvas.DrawText(agency, WeChatImages.ThumbWidth / 2f, 345, SKTextAlign.Center, small, gold);
        }

        using var image = surface.Snapshot();
        return WeChatImages.ThumbFrom(image);
    }

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var element in EnumerateTextElements(text))
        {
            if (line.Length > 0 && font.MeasureText(line + element) > width)
            {
                lines.Add(line);
                line = string.Empty;
            }

            line += element;
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static IEnumerable<string> EnumerateTextElements(string text)
    {
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            yield return e.GetTextElement();
        }
    }

    /// <summary>A face with Simplified Chinese glyphs: the configured file, Noto CJK SC, or whatever the system matches for 中.</summary>
    internal static SKTypeface LoadTypeface(string? fontFile)
    {
        foreach (var file in new[] { fontFile }.Concat(FontCandidates).OfType<string>().Where(File.Exists))
        {
            // A .ttc holds several faces (JP, KR, SC, TC …); prefer the Simplified Chinese one.
            SKTypeface? first = null;
            for (var index = 0; index < 10; index++)
            {
                var face = SKTypeface.FromFile(file, index);
                if (face is null)
                {
                    break;
                }

                if (face.FamilyName.Contains("SC", StringComparison.Ordinal))
                {
                    first?.Dispose();
                    return face;
                }

                if (first is null)
                {
                    first = face;
                }
                else
                {
                    face.Dispose();
                }
            }

            if (first is not null)
            {
                return first;
            }
        }

        return SKFontManager.Default.MatchCharacter('中') ?? SKTypeface.Default;
    }
}
