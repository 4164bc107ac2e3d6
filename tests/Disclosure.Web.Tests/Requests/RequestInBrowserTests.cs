using Microsoft.Playwright;

namespace Disclosure.Web.Tests.Requests;

/// <summary>An applicant and the office in a real browser: apply online, follow the status, the office answers.</summary>
[Collection(BrowserGroup.Name)]
public sealed class RequestInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_applicant_applies_and_follows_the_status_and_the_office_answers()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "在线提交申请" }).ClickAsync();

        await page.GetByLabel("自然人", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("姓名或名称（必填）").FillAsync("司马光明");
        await page.GetByLabel("证件类型（自然人必填）").SelectOptionAsync("ResidentIdCard");
        await page.GetByLabel("证件号码（必填）").FillAsync("64012119880105036x");
        await page.GetByLabel("联系电话（必填）").FillAsync("13909518888");
        await page.GetByLabel("通信地址（必填）").FillAsync("永宁县团结西路 18 号");
        await page.GetByLabel("所需信息的内容描述（必填）").FillAsync("永宁县公安局2026年度交通信号灯维护经费支出情况。");
        await page.GetByLabel("电子", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("在线查看", new() { Exact = true }).CheckAsync();

        // The captcha answer through the test seam: the challenge id from the page, its answer from the host's database.
        var challenge = await page.Locator("input[name=captchaId]").InputValueAsync();
        var answer = await RequestTestSupport.CaptchaAnswerAsync(browser.Site.Services, challenge);
        await page.GetByLabel("请输入图片中的字符（必填，不区分大小写）").FillAsync(answer.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("政府信息公开申请回执");
        var code = await page.Locator("#tracking-code").InnerTextAsync();
        var number = await page.Locator("#request-number").InnerTextAsync();
        Assert.Matches(@"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);

        await page.GetByRole(AriaRole.Link, new() { Name = "查询办理进度" }).ClickAsync();
        await QueryAsync(page, code, "13909518888");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("办理中");
        await Assertions.Expect(page.Locator("#status-due")).ToContainTextAsync("年");

        // The office finds it, answers it and generates the letter.
        var office = await browser.SignInAsync("office");
        await office.GetByRole(AriaRole.Navigation, new() { Name = "管理导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开" }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"申请 {number}");
        await Assertions.Expect(office.Locator("main")).Not.ToContainTextAsync("司马光明");
        await office.GetByLabel("承办部门").SelectOptionAsync("jjdd");
        await office.GetByRole(AriaRole.Button, new() { Name = "分办", Exact = true }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已分办");
        await office.GetByLabel("办理结果").SelectOptionAsync("Disclosed");
        await office.GetByLabel("告知书正文（答复内容和理由）").FillAsync("经审查，您申请的经费支出情况属于公开范围，现予以公开。");
        await office.GetByRole(AriaRole.Button, new() { Name = "办结并生成告知书" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已办结，答复告知书已生成");
        await Assertions.Expect(office.Locator("#outcome")).ToContainTextAsync("予以公开");
        await Assertions.Expect(office.GetByRole(AriaRole.Link, new() { Name = $"政府信息公开申请答复告知书-{number}.docx" })).ToBeVisibleAsync();

        // The applicant sees it closed; a wrong phone number finds nothing.
        await page.GotoAsync("/requests/status");
        await QueryAsync(page, code, "13909518888");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("已办结");
        await QueryAsync(page, code, "13909510000");
        await Assertions.Expect(page.Locator("#not-found")).ToContainTextAsync("未找到");
    }

    private static async Task QueryAsync(IPage page, string code, string phone)
    {
        await page.GetByLabel("查询码（必填）").FillAsync(code);
        await page.GetByLabel("联系电话或证件号码（必填）").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
    }
}
