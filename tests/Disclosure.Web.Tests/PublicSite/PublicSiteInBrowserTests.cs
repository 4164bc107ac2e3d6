using System.Text.Json;
using Microsoft.Playwright;

namespace Disclosure.Web.Tests.PublicSite;

/// <summary>The public site in Debian's Chromium: walking the 目录, the reader tools, the QR code, phones and accessibility.</summary>
[Collection(BrowserGroup.Name)]
public sealed class PublicSiteInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reader_walks_the_catalogue_to_seed_003_and_reads_its_metadata()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "信息公开目录" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "目录分类" }).GetByRole(AriaRole.Link, new() { Name = "政策法规", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "目录分类" }).GetByRole(AriaRole.Link, new() { Name = "部门文件" }).ClickAsync();
        Assert.EndsWith("/catalogue/02.03", page.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "关于印发《永宁县公安局政务(执法)信息公开工作实施方案》的通知" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("关于印发《永宁县公安局政务(执法)信息公开工作实施方案》的通知");
        var metadata = page.GetByRole(AriaRole.Region, new() { Name = "信息公开目录元数据" });
        await Assertions.Expect(metadata).ToContainTextAsync("永公(办)发【2017】28号");
        await Assertions.Expect(metadata).ToContainTextAsync("永宁县公安局");
        await Assertions.Expect(metadata).ToContainTextAsync("有效");
        Assert.Matches(@"^640121-103/2017-\d{5}$", await metadata.Locator("dt:text-is('索引号') + dd").InnerTextAsync());
    }

    [Fact]
    public async Task A_reader_searches_in_chinese_and_finds_seed_003_by_its_document_number_in_other_brackets()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "搜索政府信息" }).FillAsync("执法公开");
        await page.GetByRole(AriaRole.Search).First.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("共找到");
        var first = page.Locator("ol.hits > li").First;
        await Assertions.Expect(first.Locator("mark").First).ToBeVisibleAsync();

        // The 文号 as printed uses 【】; the reader types [] and ( ) — it must still come first.
        await page.GetByLabel("检索词").FillAsync("永公(办)发[2017]28号");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).Last.ClickAsync();
        var top = page.Locator("ol.hits > li").First;
        await Assertions.Expect(top).ToContainTextAsync("关于印发《永宁县公安局政务(执法)信息公开工作实施方案》的通知");
        await Assertions.Expect(top).ToContainTextAsync("永公(办)发【2017】28号");
        await top.GetByRole(AriaRole.Link).ClickAsync();
        Assert.EndsWith("/content/yongning-2017-implementation-plan", page.Url);

        // A malformed query gets a message, not an error page.
        await page.GotoAsync("/search?q=%22%E6%9C%AA%E9%97%AD%E5%90%88");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        Assert.Equal(200, (await page.GotoAsync("/search?q=AND"))!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_font_size_and_contrast_switches_persist_across_pages()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/catalogue");
        var before = await RootFontSizeAsync(page);
        await page.GetByRole(AriaRole.Group, new() { Name = "阅读设置" }).GetByRole(AriaRole.Link, new() { Name = "大", Exact = true }).ClickAsync();
        Assert.EndsWith("/catalogue", page.Url);
        Assert.True(await RootFontSizeAsync(page) > before);

        await page.GetByRole(AriaRole.Link, new() { Name = "高对比度" }).ClickAsync();
        await page.GotoAsync("/guide");
        Assert.True(await RootFontSizeAsync(page) > before);
        Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "标准配色" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_qr_code_opens_and_is_a_real_image()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/content/yongning-2017-implementation-plan");
        var image = page.GetByRole(AriaRole.Img, new() { Name = "本页网址的二维码，用微信或手机相机扫描后在手机上打开" });
        await Assertions.Expect(image).ToBeHiddenAsync();
        await page.GetByText("用手机打开本页（二维码）").ClickAsync();
        await Assertions.Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 0);
    }

    [Fact]
    public async Task On_a_360_pixel_phone_nothing_scrolls_sideways()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN", ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/", "/catalogue/02", "/content/yongning-2017-implementation-plan", "/guide", "/types/ServiceGuide", "/requests/apply", "/requests/status", "/credit", "/credit/penalties", "/credit/penalties/193" })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} 在 360 像素宽的屏幕上出现横向滚动。");
        }
    }

    [Fact]
    public async Task Keyboard_users_skip_to_the_content_first()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/catalogue");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task A_writer_sends_a_letter_and_follows_it_on_a_360_px_screen()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN", ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "局长信箱" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("局长信箱");
        await Assertions.Expect(page.Locator("#letters")).ToContainTextAsync("新生儿户口登记需要哪些材料");
        await AssertNoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "我要写信" }).First.ClickAsync();
        // The click only starts the navigation: measure the form's page, not the document being replaced.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交来信" })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        // Sent empty: the errors are announced and tied to their fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "提交来信" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择来信类型");
        await Assertions.Expect(page.GetByLabel("标题（必填）")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("标题（必填）")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("请填写信件标题"));

        await page.GetByLabel("建议", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("标题（必填）").FillAsync("建议延长政务服务大厅周末办公时间");
        await page.GetByLabel("来信内容（必填）").FillAsync("上班族工作日难以请假，建议政务服务大厅周六全天办公。");
        await page.GetByLabel("姓名（必填）").FillAsync("（测试）孙悦");
        await page.GetByLabel("联系电话（必填）").FillAsync("13995118888");
        var challenge = await page.Locator("input[name=captchaId]").InputValueAsync();
        await page.GetByLabel("请输入图片中的字符（必填，不区分大小写）").FillAsync(await Requests.RequestTestSupport.CaptchaAnswerAsync(browser.Site.Services, challenge));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交来信" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("局长信箱来信回执");
        var code = await page.Locator("#tracking-code").TextContentAsync();
        await AssertNoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "查询办理情况" }).ClickAsync();
        await page.GetByLabel("查询码（必填）").FillAsync(code!);
        await page.GetByLabel("联系电话（必填）").FillAsync("13995118888");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("办理中");
        await AssertNoSidewaysScrollAsync(page);

        await page.GotoAsync("/mailbox/statistics");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "按月统计" })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} 在 360 px 宽时可以横向滚动 {overflow} px。");
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN" });
        return await context.NewPageAsync();
    }

    private static Task<double> RootFontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");
}
