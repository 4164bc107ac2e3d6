using Disclosure.Core.Time;
using Microsoft.Playwright;

namespace Disclosure.Web.Tests.Enforcement;

/// <summary>A party on a phone (360 px wide) queries their case in a real browser: labelled fields, headings, no sideways scrolling.</summary>
[Collection(BrowserGroup.Name)]
public sealed class PublicEnforcementInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_party_queries_their_case_on_a_360_px_screen()
    {
        var registered = await PublicEnforcementSupport.RegisterCriminalCaseAsync(browser.Site.Services, ChinaTime.ToDate(DateTime.UtcNow).AddDays(-10));
        var (code, tail) = registered.Parties["victim"];
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN", ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "执法公开平台" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("执法公开平台");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "执法统计", Level = 2 })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "警务公开查询", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("警务公开查询");
        await AssertNoSidewaysScrollAsync(page);

        // Submitted empty: the errors are announced and tied to their fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写案件编号。");
        await Assertions.Expect(page.GetByLabel("案件编号（必填）")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("案件编号（必填）")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("请填写案件编号"));

        await page.GetByLabel("案件编号（必填）").FillAsync(registered.Number);
        await page.GetByLabel("查询码（必填）").FillAsync(code);
        await page.GetByLabel("证件号码或联系电话后四位（必填）").FillAsync(tail);
        var challenge = await page.Locator("input[name=captchaId]").InputValueAsync();
        await page.GetByLabel("请输入图片中的字符（必填，不区分大小写）").FillAsync(await Requests.RequestTestSupport.CaptchaAnswerAsync(browser.Site.Services, challenge));
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "查询结果", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#party-role")).ToHaveTextAsync("被害人或其家属");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("采取刑事强制措施");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("刑事拘留");
        await Assertions.Expect(page.Locator("#timeline")).Not.ToContainTextAsync("移送审查起诉");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "权利义务告知" })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} 在 360 px 宽时可以横向滚动 {overflow} px。");
    }
}
