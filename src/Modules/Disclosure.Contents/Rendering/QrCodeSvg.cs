using System.Globalization;
using System.Text;
using QRCoder;

namespace Disclosure.Contents.Rendering;

/// <summary>
/// A QR code as a small SVG (用微信扫描二维码 on every item page). QRCoder computes the modules; drawing them as one
/// SVG path here avoids System.Drawing, which does not exist on Linux servers.
/// </summary>
public static class QrCodeSvg
{
    public static string Render(string text, string title)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var encodedTitle = System.Net.WebUtility.HtmlEncode(title);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{size * 6}\" height=\"{size * 6}\" role=\"img\" aria-label=\"{encodedTitle}\" shape-rendering=\"crispEdges\">"
            + $"<title>{encodedTitle}</title><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
