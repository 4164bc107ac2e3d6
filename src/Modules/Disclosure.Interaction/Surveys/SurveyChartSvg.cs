using System.Globalization;
using System.Net;
using System.Text;

namespace Disclosure.Interaction.Surveys;

/// <summary>
/// A question's result as a horizontal bar chart in inline SVG, drawn on the server (no script, prints well, narrow
/// screens keep the labels readable). It is an image with a title and a description naming every figure; the table
/// beside it carries the same figures for anyone who cannot see the chart. Only presentation attributes, no style
/// attribute, so the site's Content-Security-Policy allows it.
/// </summary>
public static class SurveyChartSvg
{
    // The bar colour has 4.5:1 or better against white, so the bars (and the figures drawn in the same colour) read (WCAG 1.4.11).
    private const string Bar = "#1f5fa8";
    private const string Track = "#e8ecf1";
    private const string Ink = "#1a1a1a";

    public static string Render(string id, string title, IReadOnlyList<ResultRow> rows)
    {
        const int width = 320, labelHeight = 18, barHeight = 14, rowGap = 10, valueWidth = 90;
        var rowHeight = labelHeight + barHeight + rowGap;
        var height = Math.Max(1, rows.Count) * rowHeight;
        var plot = width - valueWidth;
        var description = string.Join("；", rows.Select(r => $"{r.Label}：{r.Count} 人，{Format(r.Percent)}%"));
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" class=\"survey-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">"));
        svg.Append(Invariant($"<title id=\"{id}-title\">")).Append(Encode(title)).Append("</title>");
        svg.Append(Invariant($"<desc id=\"{id}-desc\">")).Append(Encode(description)).Append("</desc>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = i * rowHeight;
            var length = (double)row.Percent / 100 * plot;
            svg.Append(Invariant($"<text x=\"0\" y=\"{y + 13}\" font-size=\"13\" fill=\"{Ink}\">{Encode(Shorten(row.Label))}</text>"));
            svg.Append(Invariant($"<rect x=\"0\" y=\"{y + labelHeight}\" width=\"{plot}\" height=\"{barHeight}\" fill=\"{Track}\"/>"));
            svg.Append(Invariant($"<rect x=\"0\" y=\"{y + labelHeight}\" width=\"{length:0.#}\" height=\"{barHeight}\" fill=\"{Bar}\"/>"));
            svg.Append(Invariant($"<text x=\"{plot + 6}\" y=\"{y + labelHeight + 12}\" font-size=\"12\" fill=\"{Ink}\">{row.Count}（{Format(row.Percent)}%）</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Long options are cut in the chart only; the table has them whole.</summary>
    private static string Shorten(string label) => label.Length <= 22 ? label : label[..21] + "…";

    private static string Format(decimal percent) => percent.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
