using System.Text.Json;
using Disclosure.Interaction.Surveys;
using Microsoft.Playwright;

namespace Disclosure.Web.Tests.Interaction.Surveys;

/// <summary>
/// 社会评议 in a real browser on a phone (360 px): the list, the demo's open survey (refused empty, then answered) and
/// the closed survey's results, each page passing axe-core's WCAG 2.1 AA rules with no sideways scrolling and no
/// Content-Security-Policy refusal (the charts are inline SVG without style attributes).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class PublicSurveyInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_on_a_360_px_phone_answers_a_survey_and_reads_the_results()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN", ViewportSize = new() { Width = 360, Height = 740 } });
        // axe-core goes in as an init script: the Content-Security-Policy (rightly) refuses an injected <script>.
        await context.AddInitScriptAsync(scriptPath: AxeScript);
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync(SurveyPaths.PublicList);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("社会评议");
        await CheckPageAsync(page);

        // The open survey: submitted empty, the errors are announced and tied to their questions.
        await page.Locator("#open-surveys a").First.ClickAsync();
        var surveyUrl = page.Url;
        await Assertions.Expect(page.Locator("#one-answer-note")).ToContainTextAsync("无法完全杜绝重复提交");
        await CheckPageAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交答卷", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("本题为必答题，请选择一项。");
        var first = page.Locator("fieldset.radios").First;
        await Assertions.Expect(first).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("本题为必答题"));
        await CheckPageAsync(page);

        // Answered: the first option of each choice question, 4 on the scale.
        await page.GetByRole(AriaRole.Radio, new() { Name = "一个月以内" }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "4", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "网上预约不方便" }).CheckAsync();
        await page.GetByLabel("请写下您的其他意见和建议。").FillAsync("希望延长周六的办理时间。");
        var challenge = await page.Locator("input[name=captchaId]").InputValueAsync();
        await page.GetByLabel("请输入图片中的字符（必填，不区分大小写）").FillAsync(await Requests.RequestTestSupport.CaptchaAnswerAsync(browser.Site.Services, challenge));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交答卷", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("答卷已提交");
        await CheckPageAsync(page);
        await page.GotoAsync(surveyUrl);
        await Assertions.Expect(page.Locator("#survey-state")).ToContainTextAsync("您已经在本浏览器上提交过");

        // The results of the closed survey: a chart and a table per question.
        await page.GotoAsync(SurveyPaths.PublicList);
        await page.Locator("#survey-results a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("评议结果");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "第 1 题“您通常通过哪种渠道获取本机关发布的政府信息？”的答题分布" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#q1-table")).ToContainTextAsync("门户网站");
        await CheckPageAsync(page);

        Assert.True(refused.Count == 0, "违反内容安全策略: " + string.Join("\n", refused));
        await context.CloseAsync();
    }

    /// <summary>axe-core's WCAG 2.1 A and AA rules, and no sideways scrolling at 360 px.</summary>
    private static async Task CheckPageAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });" +
            " return r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')); }");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{page.Url}: " + string.Join("\n", violations));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} 在 360 px 宽时可以横向滚动 {overflow} px。");
    }

    private static string AxeScript =>
        Environment.GetEnvironmentVariable("DISCLOSURE_AXE_SCRIPT") is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException("未找到 axe-core：无障碍检查需要 DISCLOSURE_AXE_SCRIPT，请用 README 中的测试命令运行（它会安装 axe-core）。");
}
