using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Disclosure.Media.Documents;

/// <summary>
/// The pieces of a plain report on the official page (<see cref="OfficialPage"/>): lines of 仿宋 text and bordered
/// tables whose heading row repeats on each page. The monthly reports (执法公开 timeliness, 督查督办) are built from them.
/// </summary>
public static class ReportDocx
{
    /// <summary>A document of <paramref name="content"/> on the official page.</summary>
    public static byte[] Build(IEnumerable<OpenXmlElement> content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(content);
            body.Append(OfficialPage.Section());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <param name="size">Half-points, as Word counts them: 24 is 小四.</param>
    public static Paragraph Line(string text, bool bold = false, int size = 24, bool centred = false)
    {
        var properties = new RunProperties(new RunFonts { EastAsia = "仿宋_GB2312" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        var paragraph = new Paragraph();
        if (centred)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        paragraph.Append(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>A table as wide as the text, single borders, the heading row repeated on each page.</summary>
    public static Table Grid(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        static BorderType Border<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        var width = OfficialPage.TextWidth / headers.Count;
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = OfficialPage.TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(), Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(headers.Select(_ => new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, width, heading: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, width, heading: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int width, bool heading)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (heading)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        foreach (var cell in cells)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                Line(cell, bold: heading, size: 21)));
        }

        return row;
    }
}
