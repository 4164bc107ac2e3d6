using System.Net;
using System.Text;

namespace Disclosure.AnnualReports.Models;

/// <summary>
/// The report as HTML for the public item page: the section headings, the office's paragraphs and the three
/// tables with the official merged headings. Only elements and attributes the content sanitiser keeps are used
/// (table markup with colspan/rowspan and a class), and every text is encoded.
/// </summary>
public static class AnnualReportHtml
{
    public static string Render(AnnualReportContent report)
    {
        var html = new StringBuilder();
        Section(html, AnnualReportFormat.Sections.Overview, report.Overview);
        foreach (var table in report.Tables)
        {
            html.Append("<h2>").Append(Encode(table.Title)).Append("</h2>\n");
            Table(html, table);
        }

        Section(html, AnnualReportFormat.Sections.Problems, report.Problems);
        Section(html, AnnualReportFormat.Sections.Other, report.Other);
        html.Append("<p class=\"report-signature\">").Append(Encode(report.AgencyName)).Append("<br>").Append(Encode(report.DateLine)).Append("</p>\n");
        return html.ToString();
    }

    /// <summary>Only the statistical tables, each under its title (a roll-up has no sections of its own).</summary>
    public static string RenderTables(IEnumerable<ReportTable> tables)
    {
        var html = new StringBuilder();
        foreach (var table in tables)
        {
            html.Append("<h2>").Append(Encode(table.Title)).Append("</h2>\n");
            Table(html, table);
        }

        return html.ToString();
    }

    private static void Section(StringBuilder html, string heading, string text)
    {
        html.Append("<h2>").Append(Encode(heading)).Append("</h2>\n");
        foreach (var paragraph in AnnualReportContent.Paragraphs(text))
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        }
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append("<table class=\"report-table\">\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var tag = cell.Heading ? "th" : "td";
                html.Append('<').Append(tag);
                if (cell.ColSpan > 1)
                {
                    html.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                }

                if (cell.RowSpan > 1)
                {
                    html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                }

                if (cell.Manual)
                {
                    html.Append(" class=\"manual\"");
                }

                html.Append('>').Append(Encode(cell.Display)).Append("</").Append(tag).Append('>');
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
