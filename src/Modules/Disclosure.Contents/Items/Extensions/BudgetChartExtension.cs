using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Contents.Rendering;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Items.Extensions;

/// <summary>
/// 财政预决算: the 三公经费 of this budget (or final account) beside every other published year of the same agency
/// and kind, as an SVG chart and the same figures as a table.
/// </summary>
public sealed class BudgetChartExtension(PublicReadDatabase reads) : IItemPageExtension
{
    public const string TypeName = "Budget";

    private static readonly string[] Series = ["因公出国（境）费", "公务用车购置及运行费", "公务接待费"];

    public string ContentType => TypeName;

    public IReadOnlySet<string> HandledFields { get; } = new HashSet<string>();

    public async Task<IReadOnlyList<ItemBlock>> BuildAsync(ItemPageContext context, CancellationToken cancellationToken)
    {
        var kind = context.Data.GetString(TypeName, "Kind");
        var agency = context.Data.Agency;
        var rows = await reads.ReadAsync(
            db => db.ContentVersions.AsNoTracking()
                .Where(v => v.Status == ContentStatus.Published && v.ContentType == TypeName && v.AgencyCode == agency)
                .Select(v => new { v.ItemId, v.DataJson })
                .ToListAsync(cancellationToken),
            cancellationToken);

        // The version being shown wins over its own published version (a preview shows the figures under review).
        var years = rows.Where(r => r.ItemId != context.Item.Id).Select(r => ContentData.Parse(r.DataJson))
            .Append(context.Data)
            .Where(d => d.GetString(TypeName, "Kind") == kind)
            .Select(Figures)
            .OfType<YearFigures>()
            .GroupBy(f => f.Year).Select(g => g.Last())
            .OrderBy(f => f.Year)
            .ToList();
        if (years.Count == 0)
        {
            return [];
        }

        var title = $"“三公”经费{kind}（{years[0].Year}—{years[^1].Year}年，单位：万元）";
        var html = new StringBuilder();
        html.Append("<figure class=\"budget-chart\">");
        html.Append(BarChartSvg.Render(title, "万元", Series, years.Select(y => new BarGroup(y.Year.ToString(CultureInfo.InvariantCulture), [y.Overseas, y.Vehicles, y.Reception])).ToList()));
        html.Append("<figcaption>").Append(WebUtility.HtmlEncode(title)).Append("</figcaption></figure>");
        html.Append("<div class=\"table-scroll\"><table class=\"budget-table\"><caption>").Append(WebUtility.HtmlEncode(title)).Append("</caption><thead><tr><th scope=\"col\">年度</th>");
        foreach (var s in Series)
        {
            html.Append("<th scope=\"col\">").Append(WebUtility.HtmlEncode(s)).Append("</th>");
        }

        html.Append("<th scope=\"col\">合计</th></tr></thead><tbody>");
        var shownYear = Figures(context.Data)?.Year;
        foreach (var y in years)
        {
            html.Append(y.Year == shownYear ? "<tr class=\"current\" aria-current=\"true\">" : "<tr>");
            html.Append("<th scope=\"row\">").Append(y.Year).Append("</th>");
            foreach (var value in new[] { y.Overseas, y.Vehicles, y.Reception, y.Overseas + y.Vehicles + y.Reception })
            {
                html.Append("<td class=\"number\">").Append(value.ToString("#,##0.00", CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
        return [new ItemBlock("“三公”经费历年对比", html.ToString(), ItemBlockPlacement.AfterBody, "budget")];
    }

    private static YearFigures? Figures(ContentData data)
    {
        decimal? Number(string field) => data.Get(TypeName, field) is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;
        if (Number("FiscalYear") is not { } year)
        {
            return null;
        }

        // 公务用车购置及运行费 is reported as one figure: purchase plus running costs.
        return new YearFigures((int)year, Number("OverseasTravel") ?? 0, (Number("VehiclePurchase") ?? 0) + (Number("VehicleOperation") ?? 0), Number("OfficialReception") ?? 0);
    }

    private sealed record YearFigures(int Year, decimal Overseas, decimal Vehicles, decimal Reception);
}
