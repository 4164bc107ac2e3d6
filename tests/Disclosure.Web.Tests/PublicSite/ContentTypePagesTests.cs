using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Contents.Rendering;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Entities;

namespace Disclosure.Web.Tests.PublicSite;

/// <summary>The blocks content types add to their public pages: the 三公经费 chart, the 公示期 and the 文件效力.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class ContentTypePagesTests(SiteFixture fixture)
{
    private readonly HttpClient _client = fixture.Site.CreateClient();

    [Fact]
    public async Task A_budget_page_charts_every_published_year_of_the_same_kind_and_tabulates_the_figures()
    {
        var html = await _client.GetStringAsync("/content/budget-2024");
        var start = html.IndexOf("<svg", html.IndexOf("budget-chart", StringComparison.Ordinal), StringComparison.Ordinal);
        var svg = XDocument.Parse(html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)]);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("“三公”经费预算（2015—2026年，单位：万元）", svg.Root!.Element(ns + "title")!.Value);

        // Three bars per year for the twelve published budgets (决算 figures are a different chart).
        var bars = svg.Descendants(ns + "rect").Where(r => r.Element(ns + "title") is not null).ToList();
        Assert.Equal(12 * 3, bars.Count);
        Assert.Contains(bars, b => b.Element(ns + "title")!.Value == "2024 公务用车购置及运行费：122 万元"); // 38 + 84
        Assert.Contains("<tr class=\"current\" aria-current=\"true\"><th scope=\"row\">2024</th><td class=\"number\">0.00</td><td class=\"number\">122.00</td><td class=\"number\">2.80</td><td class=\"number\">124.80</td></tr>", html);

        var finals = await _client.GetStringAsync("/content/final-accounts-2020");
        Assert.Contains("“三公”经费决算（2015—2025年，单位：万元）", finals);
    }

    [Fact]
    public async Task A_pre_appointment_notice_says_its_window_has_closed_after_the_end_date()
    {
        var html = await _client.GetStringAsync("/content/pre-appointment-2025-10");
        Assert.Contains("公示期：2025-10-20 至 2025-10-24（已结束）", html);
        Assert.Contains("公示期已于 2025-10-24 结束，不再受理意见。", html);
        Assert.DoesNotContain("<dt>公示截止日期</dt>", html); // shown in the block, not twice
    }

    [Theory]
    [InlineData("2025-10-19", "（未开始）", "公示将于 2025-10-20 开始。")]
    [InlineData("2025-10-20", "（进行中）", "向县公安局政工监督室反映")]
    [InlineData("2025-10-24", "（进行中）", "向县公安局政工监督室反映")]
    [InlineData("2025-10-25", "（已结束）", "不再受理意见")]
    public async Task The_comment_window_is_open_from_its_first_to_its_last_day(string today, string state, string text)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Storage.Tests.Infrastructure.RepositoryPaths.Content, "PersonnelNotice", "pre-appointment-2025-10.json")))!;
        var data = ContentData.Parse(file["data"]!.ToJsonString());
        var item = new ContentItemRecord { ContentItemId = "pre-appointment-2025-10", ContentType = "PersonnelNotice" };
        var version = new ContentVersionRecord { ContentType = "PersonnelNotice", Title = data.Title, DataJson = data.ToJson(), ContentHash = string.Empty };
        var blocks = await new CommentWindowExtension().BuildAsync(new ItemPageContext(item, version, data, DateOnly.Parse(today, CultureInfo.InvariantCulture), false), CancellationToken.None);
        var block = Assert.Single(blocks);
        Assert.Contains(state, block.Html);
        Assert.Contains(text, block.Html);
        Assert.Equal(ItemBlockPlacement.BeforeBody, block.Placement);
    }

    [Fact]
    public async Task An_amended_regulation_links_to_its_successor_and_the_successor_links_back()
    {
        var old = await _client.GetStringAsync("/content/rd-2016-household-migration-rules");
        Assert.Contains("<strong class=\"validity\">已修改</strong>", old);
        Assert.Contains("<dt>修改后的文件</dt><dd><ul><li><a href=\"/content/rd-2020-household-migration-rules\">", old);
        Assert.Contains("validity-invalid", old);

        var successor = await _client.GetStringAsync("/content/rd-2020-household-migration-rules");
        Assert.Contains("<strong class=\"validity\">有效</strong>", successor);
        Assert.Contains("<dt>本文件修改或替代</dt><dd><ul><li><a href=\"/content/rd-2016-household-migration-rules\">", successor);
        Assert.Contains("<dt>有效期至</dt><dd>长期</dd>", successor);
    }

    [Fact]
    public async Task A_regulation_past_its_expiry_date_reads_expired_in_the_metadata_block()
    {
        // Recorded as 有效 until 2025-09-30; the page must not tell a reader it still applies.
        var html = await _client.GetStringAsync("/content/rd-2025-drone-control-notice");
        Assert.Contains("<dt>有效性</dt><dd>已失效</dd>", html);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/content/rd-2025-drone-control-notice")).StatusCode);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.3, 0.5)]
    [InlineData(7, 10)]
    [InlineData(122, 200)]
    [InlineData(124.8, 200)]
    [InlineData(250, 250)]
    [InlineData(251, 500)]
    public void Chart_axes_end_on_a_round_number(double max, double expected) =>
        Assert.Equal((decimal)expected, BarChartSvg.NiceCeiling((decimal)max));
}
