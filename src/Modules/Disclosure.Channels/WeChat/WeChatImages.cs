using SkiaSharp;

namespace Disclosure.Channels.WeChat;

/// <summary>
/// Re-encodes images to the platform's limits (shared/reference/wechat-api.md §2–3) with SkiaSharp: article images
/// as JPEG, longest side ≤ 1080 px, under 1 MB; the cover as a JPEG cropped centred to 2.35:1, under 64 KB. Quality
/// is lowered first and the size only when that is not enough, so photos stay as sharp as the limit allows.
/// Everything is flattened onto white: JPEG has no transparency and a transparent PNG would turn black.
/// </summary>
public static class WeChatImages
{
    public const int ArticleMaxSide = 1080;
    public const int ArticleMaxBytes = 1024 * 1024;
    public const int ThumbMaxBytes = 64 * 1024;
    public const int ThumbWidth = 900;
    public const int ThumbHeight = 383; // 900 / 2.35

    private static readonly int[] Qualities = [85, 75, 65, 55, 45, 35];

    /// <summary>An image for the article body.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an image SkiaSharp can read.</exception>
    public static byte[] ForArticle(byte[] source) => Within(source, ArticleMaxSide, ArticleMaxBytes);

    /// <summary>The whole picture as a JPEG, its longest side at most <paramref name="maxSide"/> px, at most <paramref name="maxBytes"/> (the Weibo picture uses it too).</summary>
    /// <exception cref="InvalidDataException">The bytes are not an image SkiaSharp can read.</exception>
    public static byte[] Within(byte[] source, int maxSide, int maxBytes)
    {
        using var image = Decode(source);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(image.Width, image.Height));
        var size = new SKSizeI(Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
        return EncodeWithin(image, SKRectI.Create(0, 0, image.Width, image.Height), size, maxBytes);
    }

    /// <summary>The cover (thumb material) from a photo: the centred 2.35:1 part of it.</summary>
    public static byte[] ForThumb(byte[] source)
    {
        using var image = Decode(source);
        return ThumbFrom(image);
    }

    internal static byte[] ThumbFrom(SKImage image)
    {
        const double ratio = (double)ThumbWidth / ThumbHeight;
        var crop = (double)image.Width / image.Height > ratio
            ? SKRectI.Create((int)((image.Width - image.Height * ratio) / 2), 0, (int)(image.Height * ratio), image.Height)
            : SKRectI.Create(0, (int)((image.Height - image.Width / ratio) / 2), image.Width, (int)(image.Width / ratio));
        return EncodeWithin(image, crop, new SKSizeI(ThumbWidth, ThumbHeight), ThumbMaxBytes);
    }

    /// <summary>Pictures larger than this are refused before decoding (a small file can declare a huge canvas).</summary>
    private const long MaxPixels = 50_000_000;

    private static SKImage Decode(byte[] source)
    {
        using (var codec = SKCodec.Create(new MemoryStream(source)) ?? throw new InvalidDataException("无法识别的图片格式。"))
        {
            if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
            {
                throw new InvalidDataException($"图片尺寸过大（{codec.Info.Width}×{codec.Info.Height}）。");
            }
        }

        return SKImage.FromEncodedData(source) ?? throw new InvalidDataException("无法识别的图片格式。");
    }

    private static byte[] EncodeWithin(SKImage image, SKRectI source, SKSizeI size, int maxBytes)
    {
        while (true)
        {
            using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
                ?? throw new InvalidDataException("无法创建图片画布。");
            surface.Canvas.Clear(SKColors.White);
            surface.Canvas.DrawImage(image, source, SKRect.Create(size.Width, size.Height), new SKSamplingOptions(SKCubicResampler.Mitchell), null);
            using var drawn = surface.Snapshot();
            foreach (var quality in Qualities)
            {
                using var encoded = drawn.Encode(SKEncodedImageFormat.Jpeg, quality);
                if (encoded.Size <= maxBytes)
                {
                    return encoded.ToArray();
                }
            }

            // Even the lowest quality is too big: shrink by a quarter and try again.
            size = new SKSizeI(Math.Max(1, size.Width * 3 / 4), Math.Max(1, size.Height * 3 / 4));
        }
    }
}
