using Disclosure.AnnualReports.Documents;
using Disclosure.AnnualReports.Models;
using Disclosure.Requests.Models;
using Disclosure.Requests.Statistics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Disclosure.Media.Tests.AnnualReports;

/// <summary>The annual report's DOCX: valid OpenXML, official page set-up, and the three tables with the official labels in order.</summary>
public sealed class AnnualReportDocxTests
{
    // The labels below are copied from the format (国办公开办函〔2021〕30号, shared/reference/standards.md §1), not
    // from the code under test, so a changed label in the code fails here.
    private static readonly string[] ProactiveLabels =
    [
        "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
        "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可",
        "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "行政强制",
        "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费",
    ];

    private static readonly string[] ApplicationLabels =
    [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
        "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
        "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果",
        "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
        "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
        "（七）总计", "四、结转下年度继续办理",
    ];

    private static readonly string[] AppealLabels =
    [
        "行政复议", "行政诉讼",
        "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
        "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
    ];

    [Fact]
    public void The_docx_passes_the_OpenXml_validator_with_zero_errors()
    {
        var bytes = AnnualReportDocx.Write(SampleReport());
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void The_docx_has_the_three_tables_with_the_official_row_and_column_labels_in_order()
    {
        var report = SampleReport();
        using var document = WordprocessingDocument.Open(new MemoryStream(AnnualReportDocx.Write(report)), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);

        Assert.Equal(ProactiveLabels, Labels(tables[0]));
        Assert.Equal(ApplicationLabels, Labels(tables[1]));
        Assert.Equal(AppealLabels, Labels(tables[2]));

        // Each table follows its heading; the figures are where the labels say.
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "SectionHeading").Select(p => p.InnerText).ToList();
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"], headings);
        Assert.Equal("二、主动公开政府信息情况", (tables[0].PreviousSibling<Paragraph>())!.InnerText);
        Assert.Equal(["1", "2", "3"], Row(tables[0], "行政规范性文件"));
        Assert.Equal(["5"], Row(tables[0], "行政许可"));
        Assert.Equal(["4（人工填报）"], Row(tables[0], "行政强制"));
        Assert.Equal(["12.5"], Row(tables[0], "行政事业性收费"));
        Assert.Equal(["2", "1", "0", "0", "0", "0", "3"], Row(tables[1], "一、本年新收政府信息公开申请数量"));
        Assert.Equal(["1", "0", "0", "0", "0", "0", "1"], Row(tables[1], "四、结转下年度继续办理"));
        Assert.Equal(["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
            tables[2].Elements<TableRow>().Last().Elements<TableCell>().Select(c => c.InnerText));
    }

    [Fact]
    public void The_page_is_A4_with_official_margins_fonts_named_not_embedded_and_a_page_number_field()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(AnnualReportDocx.Write(SampleReport())), false);
        var main = document.MainDocumentPart!;
        var section = main.Document!.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));

        var styles = main.StyleDefinitionsPart!.Styles!;
        var title = styles.Elements<Style>().Single(s => s.StyleId == "ReportTitle");
        Assert.Equal("方正小标宋简体", title.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("44", title.StyleRunProperties.FontSize!.Val!.Value);
        Assert.Equal("仿宋_GB2312", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", styles.DocDefaults.RunPropertiesDefault.RunPropertiesBaseStyle.FontSize!.Val!.Value);
        Assert.Equal("黑体", styles.Elements<Style>().Single(s => s.StyleId == "SectionHeading").StyleRunProperties!.RunFonts!.EastAsia!.Value);

        var fonts = main.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
        Assert.Equal("黑体", fonts["方正小标宋简体"]);
        Assert.Empty(main.FontTablePart.Parts);
        Assert.DoesNotContain(main.FontTablePart.Fonts.Descendants(), e => e.LocalName.StartsWith("embed", StringComparison.Ordinal));

        var footer = main.FooterParts.Single().Footer!;
        Assert.Equal(" PAGE ", footer.Descendants<SimpleField>().Single().Instruction!.Value);
        Assert.Equal("— 1 —", footer.InnerText);
        Assert.Equal("永宁县公安局2025年政府信息公开工作年度报告", main.Document.Body.Elements<Paragraph>().First().InnerText);
    }

    /// <summary>The heading texts of a table in reading order; merged continuation cells are empty and skipped.</summary>
    private static List<string> Labels(Table table) =>
        table.Elements<TableRow>().SelectMany(r => r.Elements<TableCell>())
            .Where(c => c.Descendants<ParagraphStyleId>().Any(s => s.Val == "TableHeading"))
            .Select(c => c.InnerText).Where(t => t.Length > 0).ToList();

    private static List<string> Row(Table table, string label) =>
        table.Elements<TableRow>().Single(r => r.Elements<TableCell>().Any(c => c.InnerText == label))
            .Elements<TableCell>().Where(c => c.Descendants<ParagraphStyleId>().Any(s => s.Val == "TableFigure")).Select(c => c.InnerText).ToList();

    public static AnnualReportContent SampleReport()
    {
        var d = (string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");
        var applications = ApplicationTable.Compute(2025,
        [
            new RequestFact(ApplicantKind.NaturalPerson, d("2025-03-01"), d("2025-03-20"), RequestOutcome.Disclosed),
            new RequestFact(ApplicantKind.NaturalPerson, d("2025-12-20"), null, null),
            new RequestFact(ApplicantKind.Commercial, d("2025-05-01"), d("2025-05-20"), RequestOutcome.WithheldStateSecret),
        ]);
        var appeals = AppealTable.Compute(2025,
        [
            new AppealFact(AppealKind.Reconsideration, d("2025-04-01"), d("2025-06-01"), AppealResult.Upheld),
        ]);
        var figures = new AnnualReportFigures(2025, 2021,
            new ProactiveFigures(new DocumentCounts(0, 0, 0), new DocumentCounts(1, 2, 3), 5, 6, Enforcement: 4, FeeAmount: 12.5m),
            applications, appeals,
            new OverviewFacts([new CatalogueCount("03", "工作信息", 12)], [new ChannelCount("wechat", "微信公众号", 3)], 2, 1));
        return new AnnualReportContent("永宁县公安局", 2025, OverviewDrafter.Draft("永宁县公安局", figures), "一是……\n二是……", "本年度未收取信息处理费。", figures, d("2026-01-20"));
    }
}
