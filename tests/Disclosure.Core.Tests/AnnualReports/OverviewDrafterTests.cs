using Disclosure.AnnualReports.Models;
using Disclosure.Requests.Statistics;
namespace Disclosure.Core.Tests.AnnualReports;

/// <summary>Section 一's draft names a channel besides the site only when something was delivered on it in the year.</summary>
public sealed class OverviewDrafterTests
{
    private static string Draft(params ChannelCount[] channels)
    {
        var figures = new AnnualReportFigures(2025, 2021,
            new ProactiveFigures(new DocumentCounts(0, 0, 0), new DocumentCounts(1, 0, 3), 5, 6, Enforcement: null, FeeAmount: 0),
            ApplicationTable.Compute(2025, []), AppealTable.Compute(2025, []),
            new OverviewFacts([new CatalogueCount("03", "工作信息", 12)], [new ChannelCount("web", "政府网站", 12), .. channels], 0, 0));
        return OverviewDrafter.Draft("某县人民政府", figures);
    }

    [Fact]
    public void A_site_without_wechat_or_app_deliveries_claims_neither()
    {
        var text = Draft(new ChannelCount("wechat", "微信公众号", 0), new ChannelCount("app", "移动客户端", 0));

        Assert.DoesNotContain("微信公众号", text);
        Assert.DoesNotContain("移动客户端", text);
        Assert.Contains("规范栏目设置，方便群众查询获取。", text);
    }

    [Fact]
    public void Only_the_channel_that_delivered_is_named()
    {
        var text = Draft(new ChannelCount("wechat", "微信公众号", 7), new ChannelCount("app", "移动客户端", 0));

        Assert.Contains("同步通过微信公众号发布信息7条。", text);
        Assert.Contains("同步向微信公众号推送公开信息，方便群众查询获取。", text);
        Assert.DoesNotContain("移动客户端", text);
    }

    [Fact]
    public void Both_channels_are_named_with_their_counts_when_both_delivered()
    {
        var text = Draft(new ChannelCount("wechat", "微信公众号", 7), new ChannelCount("app", "移动客户端", 9));

        Assert.Contains("同步通过微信公众号发布信息7条，通过移动客户端推送信息9条。", text);
        Assert.Contains("同步向微信公众号、移动客户端推送公开信息，", text);
    }

    [Fact]
    public void Weibo_posts_of_the_year_are_counted_beside_wechat_articles()
    {
        var text = Draft(new ChannelCount("wechat", "微信公众号", 7), new ChannelCount("weibo", "政务微博", 5), new ChannelCount("app", "移动客户端", 0));

        Assert.Contains("同步通过微信公众号发布信息7条，通过政务微博发布信息5条。", text);
        Assert.Contains("同步向微信公众号、政务微博推送公开信息，", text);
        Assert.DoesNotContain("移动客户端", text);
    }

    [Fact]
    public void A_site_without_weibo_posts_does_not_claim_the_channel()
    {
        var text = Draft(new ChannelCount("wechat", "微信公众号", 7), new ChannelCount("weibo", "政务微博", 0));

        Assert.DoesNotContain("政务微博", text);
    }
}
