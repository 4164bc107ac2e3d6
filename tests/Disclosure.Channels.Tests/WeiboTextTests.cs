using Disclosure.Channels.Weibo;
using Disclosure.FakeWeibo;

namespace Disclosure.Channels.Tests;

/// <summary>The 140-character rule as the platform counts it, and the post's text.</summary>
public sealed class WeiboTextTests
{
    [Theory]
    [InlineData("中", 1)]
    [InlineData("a", 1)]
    [InlineData("ab", 1)]
    [InlineData("abc", 2)]
    [InlineData("中文ab", 3)]
    [InlineData("，。", 2)]
    [InlineData("https://www.yongning.gov.cn/content/a-very-long-item-id-indeed-0123456789", 10)]
    [InlineData("见 https://x.cn/y", 12)]
    [InlineData("👍", 1)]
    public void Counts_as_the_platform_does(string text, int length)
    {
        Assert.Equal(length, WeiboText.Length(text));
        Assert.Equal(length, WeiboRules.Length(text)); // and the fake, written separately, agrees
    }

    [Fact]
    public void A_digest_is_cut_to_what_the_title_and_link_leave_and_marked()
    {
        var text = WeiboText.Compose("关于调整户籍业务办理时间的通知", string.Concat(Enumerable.Repeat("自2027年1月1日起，户籍窗口周六上午照常办公。", 10)),
            "https://www.yongning.gov.cn/content/x", correction: false);

        Assert.InRange(WeiboText.Length(text), 139, 140);
        Assert.StartsWith("【关于调整户籍业务办理时间的通知】自2027年1月1日起", text);
        Assert.EndsWith("… https://www.yongning.gov.cn/content/x", text);
    }

    [Fact]
    public void Topics_and_line_breaks_are_removed_and_a_short_text_is_left_whole()
    {
        var text = WeiboText.Compose("#通告# 关于＃话题＃的说明", "第一行\n第二行", "https://a.cn/x", correction: true);

        Assert.Equal("【更正】【通告 关于话题的说明】第一行 第二行 https://a.cn/x", text);
    }
}
