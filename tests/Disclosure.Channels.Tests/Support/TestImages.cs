using SkiaSharp;

namespace Disclosure.Channels.Tests.Support;

/// <summary>Pictures made on the spot: large and noisy, so the re-encoding has real work to do.</summary>
public static class TestImages
{
    public static byte[] NoisyPng(int width, int height, int seed = 7)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static SKImage Decode(byte[] bytes) => SKImage.FromEncodedData(bytes) ?? throw new InvalidDataException("not an image");
}
