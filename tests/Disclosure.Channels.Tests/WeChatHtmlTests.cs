using AngleSharp.Html.Parser;
using Disclosure.Channels.Tests.Support;
using Disclosure.Channels.WeChat;

namespace Disclosure.Channels.Tests;

/// <summary>The rewriting of article HTML to what the platform accepts, and the image limits, without a server.</summary>
public sealed class WeChatHtmlTests
{
    private const string Hostile = """
        <style>p { color: red }</style>
        <p class="lead" id="x" onclick="steal()">通告<script>alert(1)</script></p>
        <iframe src="https://evil.example/"></iframe>
        <form action="/apply"><input name="n"><button>提交</button></form>
        <object data="x.swf"><embed src="x.swf"></object>
        <p><a href="javascript:alert(1)">点我</a> 与 <a href="https://www.gov.cn/">中国政府网</a> 和 <a href="/content/other">本站文章</a></p>
        <p style="color:#333;background:url(https://evil.example/t.gif)">带样式</p>
        <p style="text-align:center">居中</p>
        <table class="data"><tr><th>项目</th><td colspan="2" onmouseover="x()">数值</td></tr></table>
        <svg><circle r="4"/></svg><custom-tag>保留文字</custom-tag>
        <!-- 注释 -->
        """;

    [Fact]
    public void Disallowed_elements_attributes_and_links_are_gone()
    {
        var document = WeChatHtml.Parse(Hostile);
        WeChatHtml.Rewrite(document);
        var html = document.Body!.InnerHtml;
        var body = new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;

        foreach (var forbidden in new[] { "script", "style", "iframe", "form", "input", "button", "object", "embed", "a", "svg", "custom-tag" })
        {
            Assert.Empty(body.QuerySelectorAll(forbidden));
        }

        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name is "class" or "id" or "href");
            Assert.DoesNotContain("javascript:", element.OuterHtml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("url(", element.GetAttribute("style") ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("注释", html);
        Assert.Contains("中国政府网（https://www.gov.cn/）", body.TextContent);
        Assert.Contains("本站文章", body.TextContent);
        Assert.DoesNotContain("/content/other", html);
        Assert.Contains("保留文字", body.TextContent);
        Assert.Contains("text-align:center", html);
    }

    [Fact]
    public void Tables_get_explicit_borders_and_widths_inline()
    {
        var document = WeChatHtml.Parse("<table><thead><tr><th>时段</th></tr></thead><tbody><tr><td rowspan=\"2\">11 月</td></tr></tbody></table>");
        WeChatHtml.Rewrite(document);
        var table = document.Body!.QuerySelector("table")!;
        Assert.Contains("width:100%", table.GetAttribute("style"));
        Assert.Contains("border-collapse:collapse", table.GetAttribute("style"));
        Assert.Contains("border:1px solid", document.Body.QuerySelector("th")!.GetAttribute("style"));
        Assert.Equal("2", document.Body.QuerySelector("td")!.GetAttribute("rowspan"));
    }

    [Fact]
    public void A_large_photo_is_shrunk_and_compressed_to_the_article_limits()
    {
        var encoded = WeChatImages.ForArticle(TestImages.NoisyPng(3000, 2000));
        Assert.True(encoded.Length <= WeChatImages.ArticleMaxBytes, $"{encoded.Length} bytes");
        using var image = TestImages.Decode(encoded);
        Assert.Equal(1080, image.Width);
        Assert.Equal(720, image.Height);
    }

    [Fact]
    public void A_small_picture_keeps_its_size()
    {
        using var image = TestImages.Decode(WeChatImages.ForArticle(TestImages.NoisyPng(320, 200)));
        Assert.Equal((320, 200), (image.Width, image.Height));
    }

    [Fact]
    public void A_picture_declaring_a_huge_canvas_is_refused_before_it_is_decoded()
    {
        // A valid PNG header claiming 20000×20000 pixels (a decompression bomb would follow).
        var png = TestImages.NoisyPng(2, 2);
        png[16] = 0; png[17] = 0; png[18] = 0x4E; png[19] = 0x20; // width 20000
        png[20] = 0; png[21] = 0; png[22] = 0x4E; png[23] = 0x20; // height 20000
        var crc = Crc32(png.AsSpan(12, 17));                      // the IHDR chunk's type and data
        png[29] = (byte)(crc >> 24); png[30] = (byte)(crc >> 16); png[31] = (byte)(crc >> 8); png[32] = (byte)crc;
        var refused = Assert.Throws<InvalidDataException>(() => WeChatImages.ForArticle(png));
        Assert.Contains("图片尺寸过大", refused.Message);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    public void Something_that_is_not_a_picture_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => WeChatImages.ForArticle("%PDF-1.7 not an image"u8.ToArray()));
    }

    [Fact]
    public void A_title_card_is_a_thumb_within_limits_with_the_title_drawn_on_it()
    {
        var thumb = CoverCard.Draw("关于开展二〇二六年冬季火灾防控工作暨消防安全大检查的通告", "永宁县公安局", null);
        Assert.True(thumb.Length <= WeChatImages.ThumbMaxBytes);
        using var image = TestImages.Decode(thumb);
        Assert.Equal((900, 383), (image.Width, image.Height));

        // White text on the red card: bright pixels exist in the title area, and the CJK font was found (no tofu boxes
        // would still be bright, so check the face too).
        using var bitmap = SkiaSharp.SKBitmap.FromImage(image);
        var bright = 0;
        for (var y = 60; y < 280; y += 2)
        {
            for (var x = 60; x < 840; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red > 220 && c.Green > 220 && c.Blue > 220)
                {
                    bright++;
                }
            }
        }

        Assert.True(bright > 500, $"{bright} bright pixels");
        using var face = CoverCard.LoadTypeface(null);
        Assert.Contains("CJK", face.FamilyName);
        Assert.NotEqual(0, face.GetGlyph('政'));
    }

    [Fact]
    public void Title_author_and_digest_are_fitted_to_their_limits()
    {
        var title = new string('政', 40);
        Assert.Equal(32, WeChatArticle.Fit(title, WeChatArticle.TitleMax).Length);
        Assert.EndsWith("…", WeChatArticle.Fit(title, WeChatArticle.TitleMax));
        Assert.Equal("短标题", WeChatArticle.Fit("短标题", WeChatArticle.TitleMax));
    }
}
