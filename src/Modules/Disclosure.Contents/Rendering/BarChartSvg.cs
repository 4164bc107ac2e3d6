using System.Globalization;
using System.Net;
using System.Text;

namespace Disclosure.Contents.Rendering;

/// <summary>One group of bars (a year) with one value per series.</summary>
public sealed record BarGroup(string Label, IReadOnlyList<decimal> Values);

/// <summary>
/// A grouped bar chart as inline SVG, drawn on the server so it needs no script and prints well. The chart is
/// decoration for sighted readers: its title summarises it and the page puts the same figures in a table.
/// </summary>
public static class BarChartSvg
{
    // Blue, orange and green from a colour-blind-safe palette; each has 3:1 or better against white (WCAG 1.4.11).
    private static readonly string[] Colours = ["#1f5fa8", "#b85c00", "#2e7d32", "#6a3d9a"];

    public static string Render(string title, string unit, IReadOnlyList<string> series, IReadOnlyList<BarGroup> groups)
    {
        const int height = 260, top = 20, bottom = 40, left = 56, right = 12, barWidth = 14, groupGap = 18;
        var groupWidth = series.Count * barWidth + groupGap;
        var width = left + right + Math.Max(1, groups.Count) * groupWidth;
        var max = groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max();
        var scaleMax = NiceCeiling(max);
        var plot = height - top - bottom;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height + 24}\" class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\">"));
        svg.Append("<title id=\"chart-title\">").Append(Encode(title)).Append("</title>");

        // Four grid lines with their values, so bars can be read without hovering.
        for (var i = 0; i <= 4; i++)
        {
            var value = scaleMax * i / 4;
            var y = top + plot - (double)(value / (scaleMax == 0 ? 1 : scaleMax)) * plot;
            svg.Append(Invariant($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#c9ced6\" stroke-width=\"1\"/>"));
            svg.Append(Invariant($"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a4a4a\">{value.ToString("0.##", CultureInfo.InvariantCulture)}</text>"));
        }

        svg.Append(Invariant($"<text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#4a4a4a\">{Encode(unit)}</text>"));
        for (var g = 0; g < groups.Count; g++)
        {
            var x0 = left + g * groupWidth + groupGap / 2;
            for (var s = 0; s < series.Count && s < groups[g].Values.Count; s++)
            {
                var value = groups[g].Values[s];
                var h = scaleMax == 0 ? 0 : (double)(value / scaleMax) * plot;
                svg.Append(Invariant($"<rect x=\"{x0 + s * barWidth}\" y=\"{top + plot - h:0.#}\" width=\"{barWidth - 2}\" height=\"{h:0.#}\" fill=\"{Colours[s % Colours.Length]}\">"));
                svg.Append("<title>").Append(Encode($"{groups[g].Label} {series[s]}：{value.ToString("0.##", CultureInfo.InvariantCulture)} {unit}")).Append("</title></rect>");
            }

            svg.Append(Invariant($"<text x=\"{x0 + series.Count * barWidth / 2.0:0.#}\" y=\"{top + plot + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1a1a1a\">{Encode(groups[g].Label)}</text>"));
        }

        // The legend under the plot.
        var legendX = left;
        for (var s = 0; s < series.Count; s++)
        {
            svg.Append(Invariant($"<rect x=\"{legendX}\" y=\"{height - 6}\" width=\"10\" height=\"10\" fill=\"{Colours[s % Colours.Length]}\"/>"));
            svg.Append(Invariant($"<text x=\"{legendX + 14}\" y=\"{height + 3}\" font-size=\"11\" fill=\"#1a1a1a\">{Encode(series[s])}</text>"));
            legendX += 14 + series[s].Length * 11 + 16;
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The next "round" number above the largest value, so the axis reads 0, 25, 50, 75, 100 and not 0, 29.7, ….</summary>
    public static decimal NiceCeiling(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
