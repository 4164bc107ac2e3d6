using System.Security.Cryptography;
using SkiaSharp;

namespace Disclosure.Site.Forms;

/// <summary>
/// Draws a captcha answer as a PNG. The characters are our own stroke glyphs (no font file, so the image looks the
/// same on every server and OCR engines trained on fonts get no help), each one rotated, scaled and shifted at
/// random, drawn with jittered strokes (a discrete path effect), over noise dots and under crossing curves.
/// <para>
/// Why an image and not SVG: an SVG captcha hands its paths to any script that parses the markup; a raster image
/// has to be read as pixels. The page offers another image on request and, for anyone who cannot read it, the
/// office's postal and in-person channels (see the form).
/// </para>
/// </summary>
public static class CaptchaImage
{
    public const int Width = 180;
    public const int Height = 64;

    /// <summary>Strokes of each glyph on a 4 × 6 grid, y downwards; every character of the captcha alphabet is here.</summary>
    private static readonly Dictionary<char, float[][]> Glyphs = new()
    {
        ['3'] = [[0, 0, 4, 0, 4, 6, 0, 6], [1, 3, 4, 3]],
        ['4'] = [[3, 6, 3, 0, 0, 4, 4, 4]],
        ['6'] = [[4, 0, 0, 0, 0, 6, 4, 6, 4, 3, 0, 3]],
        ['7'] = [[0, 0, 4, 0, 1, 6]],
        ['9'] = [[4, 3, 0, 3, 0, 0, 4, 0, 4, 6, 0, 6]],
        ['A'] = [[0, 6, 2, 0, 4, 6], [1, 3.5f, 3, 3.5f]],
        ['C'] = [[4, 0, 0, 0, 0, 6, 4, 6]],
        ['D'] = [[0, 0, 0, 6, 3, 6, 4, 5, 4, 1, 3, 0, 0, 0]],
        ['E'] = [[4, 0, 0, 0, 0, 6, 4, 6], [0, 3, 3, 3]],
        ['F'] = [[4, 0, 0, 0, 0, 6], [0, 3, 3, 3]],
        ['G'] = [[4, 0, 0, 0, 0, 6, 4, 6, 4, 3, 2, 3]],
        ['H'] = [[0, 0, 0, 6], [4, 0, 4, 6], [0, 3, 4, 3]],
        ['J'] = [[4, 0, 4, 6, 0, 6, 0, 4]],
        ['K'] = [[0, 0, 0, 6], [4, 0, 0, 3, 4, 6]],
        ['M'] = [[0, 6, 0, 0, 2, 3, 4, 0, 4, 6]],
        ['N'] = [[0, 6, 0, 0, 4, 6, 4, 0]],
        ['P'] = [[0, 6, 0, 0, 4, 0, 4, 3, 0, 3]],
        ['Q'] = [[0, 0, 4, 0, 4, 6, 0, 6, 0, 0], [2, 4, 4.5f, 6.5f]],
        ['R'] = [[0, 6, 0, 0, 4, 0, 4, 3, 0, 3, 4, 6]],
        ['T'] = [[0, 0, 4, 0], [2, 0, 2, 6]],
        ['U'] = [[0, 0, 0, 6, 4, 6, 4, 0]],
        ['V'] = [[0, 0, 2, 6, 4, 0]],
        ['W'] = [[0, 0, 1, 6, 2, 2, 3, 6, 4, 0]],
        ['X'] = [[0, 0, 4, 6], [4, 0, 0, 6]],
        ['Y'] = [[0, 0, 2, 3, 4, 0], [2, 3, 2, 6]],
    };

    public static bool CanDraw(char c) => Glyphs.ContainsKey(c);

    public static byte[] Render(string answer)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor((byte)Next(235, 256), (byte)Next(235, 256), (byte)Next(225, 256)));

        using (var dots = new SKPaint { IsAntialias = true })
        {
            for (var i = 0; i < 160; i++)
            {
                dots.Color = RandomColour(120, 220);
                canvas.DrawCircle(Next(0, Width), Next(0, Height), Next(1, 3), dots);
            }
        }

        var cell = (Width - 20f) / answer.Length;
        for (var i = 0; i < answer.Length; i++)
        {
            var strokes = Glyphs[answer[i]];
            var scale = Next(55, 75) / 10f;
            using var path = new SKPath();
            foreach (var stroke in strokes)
            {
                path.MoveTo(stroke[0] * scale, stroke[1] * scale);
                for (var p = 2; p < stroke.Length; p += 2)
                {
                    path.LineTo(stroke[p] * scale, stroke[p + 1] * scale);
                }
            }

            canvas.Save();
            canvas.Translate(10 + (i * cell) + Next(0, (int)(cell - (4 * scale))), Next(4, Height - (int)(6 * scale) - 2));
            canvas.RotateDegrees(Next(-22, 23), 2 * scale, 3 * scale);
            canvas.Skew(Next(-20, 21) / 100f, 0);
            using var jitter = SKPathEffect.CreateDiscrete(Next(4, 8), Next(10, 18) / 10f, (uint)Next(0, int.MaxValue));
            using var pen = new SKPaint
            {
                IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Next(28, 40) / 10f, StrokeCap = SKStrokeCap.Round,
                StrokeJoin = SKStrokeJoin.Round, Color = RandomColour(10, 110), PathEffect = jitter,
            };
            canvas.DrawPath(path, pen);
            canvas.Restore();
        }

        using (var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke })
        {
            for (var i = 0; i < 4; i++)
            {
                line.Color = RandomColour(40, 160);
                line.StrokeWidth = Next(10, 25) / 10f;
                using var curve = new SKPath();
                curve.MoveTo(0, Next(0, Height));
                curve.CubicTo(Next(20, 80), Next(-20, Height + 20), Next(100, 160), Next(-20, Height + 20), Width, Next(0, Height));
                canvas.DrawPath(curve, line);
            }
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>As a <c>data:</c> URI: the image travels inside the page, so there is no image endpoint to hammer or replay.</summary>
    public static string RenderDataUri(string answer) => "data:image/png;base64," + Convert.ToBase64String(Render(answer));

    private static int Next(int from, int to) => RandomNumberGenerator.GetInt32(from, to);

    private static SKColor RandomColour(int from, int to) => new((byte)Next(from, to), (byte)Next(from, to), (byte)Next(from, to));
}
