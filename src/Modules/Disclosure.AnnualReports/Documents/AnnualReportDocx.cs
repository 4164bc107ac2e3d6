using System.Globalization;
using System.Text.RegularExpressions;
using Disclosure.AnnualReports.Models;
using Disclosure.Media.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Disclosure.AnnualReports.Documents;

/// <summary>
/// Writes the annual report as a DOCX in the style of official documents (GB/T 9704): A4 with margins 上37mm
/// 下35mm 左28mm 右26mm; the title in 方正小标宋简体 二号 (22pt), the body in 仿宋_GB2312 三号 (16pt) at a fixed 28pt
/// line pitch, section headings in 黑体 三号 and （一）… sub-headings in 楷体_GB2312; the three tables with single
/// borders and the official merged headings; page numbers “— 1 —” in the footer from a PAGE field. Fonts are named
/// (with the usual substitutes as alternative names in the font table) and never embedded.
/// </summary>
public static partial class AnnualReportDocx
{
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string HeadingFont = "黑体";
    private const string SubHeadingFont = "楷体_GB2312";
    private const string LatinFont = "Times New Roman";
    private const string PageNumberFont = "宋体";

    private const int TextWidth = OfficialPage.TextWidth;

    public static byte[] Write(AnnualReportContent report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddFonts(main);
            var footer = AddFooter(main);
            var body = new Body();

            body.Append(Paragraph("ReportTitle", report.Title));
            body.Append(Paragraph("Normal", string.Empty));
            Section(body, AnnualReportFormat.Sections.Overview, report.Overview);
            foreach (var table in report.Tables)
            {
                body.Append(Paragraph("SectionHeading", table.Title));
                body.Append(Table(table));
            }

            Section(body, AnnualReportFormat.Sections.Problems, report.Problems);
            Section(body, AnnualReportFormat.Sections.Other, report.Other);
            body.Append(Paragraph("Normal", string.Empty));
            body.Append(Paragraph("Signature", report.AgencyName));
            body.Append(Paragraph("Signature", report.DateLine));

            body.Append(OfficialPage.Section(main.GetIdOfPart(footer)));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void Section(Body body, string heading, string text)
    {
        body.Append(Paragraph("SectionHeading", heading));
        foreach (var paragraph in AnnualReportContent.Paragraphs(text))
        {
            // “（一）主动公开。” leads its paragraph in 楷体, as official reports set their second-level headings.
            var match = SubHeading().Match(paragraph);
            if (match.Success)
            {
                body.Append(new Paragraph(
                    new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }),
                    Run(match.Value, SubHeadingFont),
                    Run(paragraph[match.Length..])));
            }
            else
            {
                body.Append(Paragraph("Normal", paragraph));
            }
        }
    }

    [GeneratedRegex("^（[一二三四五六七八九十]+）[^。]{1,20}。")]
    private static partial Regex SubHeading();

    private static Paragraph Paragraph(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    private static Run Run(string text, string? eastAsiaFont = null)
    {
        var run = new Run();
        if (eastAsiaFont is not null)
        {
            run.Append(new RunProperties(new RunFonts { EastAsia = eastAsiaFont, Ascii = eastAsiaFont, HighAnsi = eastAsiaFont }));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>
    /// Draws a laid-out table: colspans become gridSpan; a rowspan starts a vertical merge that continues with an
    /// empty cell of the same span in each row below it, as Word expects.
    /// </summary>
    private static Table Table(ReportTable layout)
    {
        var widths = ColumnWidths(layout);
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }),
                new TableLook { Val = "04A0" }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        // For each grid column, the merge that continues into it: (rows left, colspan), only at its first column.
        var pending = new (int Rows, int Span)[layout.ColumnCount];
        // Tables 三 and 四 run over pages: their heading rows repeat. Table 二's blocks each have their own headings.
        var headerRows = layout.ColumnCount > 4 ? layout.Rows.TakeWhile(r => r.All(c => !c.Figure)).Count() : 0;
        for (var r = 0; r < layout.Rows.Count; r++)
        {
            // Heading rows repeat on every page the table runs onto; no row breaks across pages.
            var rowProperties = new TableRowProperties(new CantSplit());
            if (r < headerRows)
            {
                rowProperties.Append(new TableHeader());
            }

            var row = new TableRow(rowProperties);

            var cells = new Queue<LayoutCell>(layout.Rows[r]);
            var column = 0;
            while (column < layout.ColumnCount)
            {
                if (pending[column].Rows > 0)
                {
                    var span = pending[column].Span;
                    row.Append(Cell(string.Empty, Width(widths, column, span), span, MergedCellValues.Continue, heading: true, manual: false));
                    pending[column].Rows--;
                    column += span;
                    continue;
                }

                if (!cells.TryDequeue(out var cell))
                {
                    throw new InvalidOperationException($"Row {r + 1} of “{layout.Title}” leaves column {column + 1} empty.");
                }

                MergedCellValues? merge = null;
                if (cell.RowSpan > 1)
                {
                    pending[column] = (cell.RowSpan - 1, cell.ColSpan);
                    merge = MergedCellValues.Restart;
                }

                row.Append(Cell(cell.Display, Width(widths, column, cell.ColSpan), cell.ColSpan, merge, cell.Heading, cell.Manual));
                column += cell.ColSpan;
            }

            if (cells.Count > 0)
            {
                throw new InvalidOperationException($"Row {r + 1} of “{layout.Title}” has more cells than columns.");
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Cell(string text, int width, int span, MergedCellValues? merge, bool heading, bool manual)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } value)
        {
            properties.Append(new VerticalMerge { Val = value });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var run = new Run();
        if (manual)
        {
            run.Append(new RunProperties(new Italic()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new TableCell(properties, new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = heading ? "TableHeading" : "TableFigure" }), run));
    }

    private static int Width(int[] widths, int column, int span) => widths.Skip(column).Take(span).Sum();

    /// <summary>Column widths in twips: label columns wider, figure columns shared equally; the whole as wide as the text.</summary>
    private static int[] ColumnWidths(ReportTable layout)
    {
        int[] weights = layout.ColumnCount switch
        {
            10 => [6, 11, 27, 8, 8, 8, 8, 8, 8, 8],   // table 三: 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | seven figures
            4 => [40, 20, 20, 20],                  // table 二
            _ => Enumerable.Repeat(1, layout.ColumnCount).ToArray(),
        };
        var total = weights.Sum();
        var widths = weights.Select(w => TextWidth * w / total).ToArray();
        widths[^1] += TextWidth - widths.Sum();
        return widths;
    }

    private static Footer AddFooterContent() => new(
        new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "PageNumber" }),
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));

    private static FooterPart AddFooter(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = AddFooterContent();
        footer.Footer.Save();
        return footer;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = BodyFont, ComplexScript = LatinFont },
                    new FontSize { Val = "32" },
                    new FontSizeComplexScript { Val = "32" },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "560", LineRule = LineSpacingRuleValues.Exact }))),
            Style("Normal", "Normal", null, isDefault: true,
                new StyleParagraphProperties(new Indentation { FirstLine = "640" }, new Justification { Val = JustificationValues.Both }),
                null),
            Style("ReportTitle", "Title", "Normal", isDefault: false,
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Line = "700", LineRule = LineSpacingRuleValues.Exact },
                    new Indentation { FirstLine = "0" },
                    new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new RunFonts { Ascii = TitleFont, HighAnsi = TitleFont, EastAsia = TitleFont }, new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" })),
            Style("SectionHeading", "heading 1", "Normal", isDefault: false,
                new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
                new StyleRunProperties(new RunFonts { Ascii = HeadingFont, HighAnsi = HeadingFont, EastAsia = HeadingFont })),
            Style("Signature", "Signature", "Normal", isDefault: false,
                new StyleParagraphProperties(new Indentation { FirstLine = "0", Right = "640" }, new Justification { Val = JustificationValues.Right }),
                null),
            Style("TableHeading", "Table Heading", "Normal", isDefault: false,
                new StyleParagraphProperties(
                    new SnapToGrid { Val = false }, // the body's 28pt line grid would make every table row three lines tall
                    new SpacingBetweenLines { Before = "60", After = "60", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                    new Indentation { FirstLine = "0" },
                    new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            Style("TableFigure", "Table Figure", "TableHeading", isDefault: false, null,
                new StyleRunProperties(new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" })),
            Style("PageNumber", "Page Number Line", "Normal", isDefault: false,
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                    new Indentation { FirstLine = "0" },
                    new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new RunFonts { Ascii = PageNumberFont, HighAnsi = PageNumberFont, EastAsia = PageNumberFont }, new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })));
        part.Styles.Save();
    }

    private static Style Style(string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties? paragraph, StyleRunProperties? run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    /// <summary>The fonts named, with the substitutes a machine without them should use (altName); nothing embedded.</summary>
    private static void AddFonts(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new Fonts(
            Font(TitleFont, "黑体"),
            Font(BodyFont, "仿宋"),
            Font(HeadingFont, "SimHei"),
            Font(SubHeadingFont, "楷体"),
            Font(PageNumberFont, "SimSun"),
            new Font(new FontCharSet { Val = "00" }, new FontFamily { Val = FontFamilyValues.Roman }, new Pitch { Val = FontPitchValues.Variable }) { Name = LatinFont });
        part.Fonts.Save();
    }

    private static Font Font(string name, string substitute) =>
        new(new AltName { Val = substitute }, new FontCharSet { Val = "86" }, new FontFamily { Val = FontFamilyValues.Auto }, new Pitch { Val = FontPitchValues.Variable }) { Name = name };
}
