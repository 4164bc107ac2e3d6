using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Disclosure.Media.Tables;
using DocumentFormat.OpenXml.Packaging;
using static Disclosure.Web.Tests.Enforcement.AdminEnforcementSupport;

namespace Disclosure.Web.Tests.Enforcement;

/// <summary>
/// The monthly timeliness report of the demo cases for 2026-10, judged on 2026-12-04: thirteen events formed in October
/// (the 受案 of four cases among them), ten visible on time, 行政复议 FY-2026-007's result late (formed Fri 10-16, due
/// 10-23, visible 10-30), and two still held past their due dates: the criminal case's 移送审查起诉 (10-28, due 11-04)
/// and the 调解协议 of A6401213200002026100117 (10-27, due 11-03).
/// </summary>
[Collection(AdminEnforcementSiteGroup.Name)]
public sealed class AdminReportTests(AdminEnforcementSiteFixture fixture)
{
    private static readonly string[] Total = ["合计", "13", "10", "1", "0", "2", "76.9%"];

    [Fact]
    public async Task The_month_is_counted_per_unit_with_the_late_and_overdue_list()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var response = await editor.GetAsync("/admin/enforcement/report?month=2026-10");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("执法信息公开及时性月报（2026年10月）", html);

        var summary = Rows(html, "summary");
        Assert.Equal(Total, summary[^1]);
        Assert.Contains(["永宁县公安局法制大队", "2", "1", "1", "0", "0", "50.0%"], summary);
        Assert.Contains(["永宁县公安局刑事侦查大队", "2", "1", "0", "0", "1", "50.0%"], summary);
        Assert.Contains(["永宁县公安局杨和派出所", "3", "2", "0", "0", "1", "66.7%"], summary);
        Assert.Contains(["永宁县公安局治安管理大队", "3", "3", "0", "0", "0", "100.0%"], summary);

        var missed = Rows(html, "exception-list");
        Assert.Equal(
            [
                ["A6401215100002026090031", "永宁县公安局刑事侦查大队", "移送审查起诉", "2026-10-28", "2026-11-04", "未公开", "超期未公开"],
                ["A6401213200002026100117", "永宁县公安局杨和派出所", "调解协议", "2026-10-27", "2026-11-03", "未公开", "超期未公开"],
                ["FY-2026-007", "永宁县公安局法制大队", "办理结果", "2026-10-16", "2026-10-23", "2026-10-30", "超期公开"],
            ],
            missed);

        var bad = await editor.GetAsync("/admin/enforcement/report?month=2026-13");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("月份“2026-13”无效", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Both_exports_open_and_hold_the_same_figures()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var xlsx = await office.GetAsync("/admin/enforcement/report?month=2026-10&handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Contains("2026-10.xlsx", Uri.UnescapeDataString(xlsx.Content.Headers.ContentDisposition!.ToString()));
        using (var reader = XlsxTableReader.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var rows = reader.Rows().Select(r => r.Cells.ToArray()).ToList();
            Assert.Equal(["办案单位", "形成事件数", "按时公开", "超期公开", "待公开", "超期未公开", "按时公开率"], rows[0]);
            var total = rows.FindIndex(r => r.Length > 0 && r[0] == "合计");
            Assert.Equal(Total, rows[total]);
            var listed = rows.FindIndex(r => r.Length > 0 && r[0] == "案件编号");
            Assert.True(listed > total);
            Assert.Equal(["FY-2026-007", "永宁县公安局法制大队", "办理结果", "2026-10-16", "2026-10-23", "2026-10-30", "超期公开"], rows[listed + 3]);
        }

        var docx = await office.GetAsync("/admin/enforcement/report?month=2026-10&handler=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "word/document.xml");
        }

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("执法信息公开及时性月报（2026年10月）", text);
        Assert.Contains("FY-2026-007", text);
        Assert.Contains("76.9%", text);
        Assert.Contains("超期未公开", text);
    }

    /// <summary>A table's body rows as cell texts.</summary>
    private static List<string[]> Rows(string html, string id)
    {
        var table = Regex.Match(html, $"<table id=\"{id}\"[^>]*>(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no table {id}");
        var body = Regex.Match(table.Groups[1].Value, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(body, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(row => Regex.Matches(row.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline).Select(c => Plain(c.Groups[1].Value)).ToArray())
            .ToList();
    }
}
