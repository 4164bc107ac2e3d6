using System.Text.Json;
using Disclosure.Interaction.Interviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Disclosure.Web.Tests.Interaction.Interviews;

/// <summary>
/// A reader on a phone (360 px wide): /interviews and the announced interview pass axe-core (WCAG 2.1 AA) without
/// sideways scrolling, and an entry the office posts appears in the polite live region without a reload.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class PublicInterviewsInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_reader_follows_an_interview_on_a_360_px_screen_and_sees_a_new_entry_without_reloading()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN", ViewportSize = new() { Width = 360, Height = 740 } });
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
        page.Response += (_, response) =>
        {
            // The pages' own requests (the script, live.json, pictures) all succeed; the browser's favicon probe is not ours.
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                refused.Add($"{response.Status} {response.Url}");
            }
        };

        await page.GotoAsync("/interviews");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("在线访谈");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "在线访谈：冬季道路交通安全和户籍业务“一窗通办”" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "文字实录", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#live-entries > li")).ToHaveCountAsync(12);
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/interviews/" + DemoInterviews.Announced);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "访谈预告", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#live-entries")).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(page.GetByLabel("问题（必填）")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // The office posts; the page, left alone, shows it within a few polls.
        var count = await page.Locator("#live-entries > li").CountAsync();
        using (var scope = browser.Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<InterviewStore>().PostEntryAsync(DemoInterviews.Announced,
                new NewInterviewEntry(InterviewEntryKind.Host, "主持人", null, "浏览器测试：访谈即将开始，欢迎提问。", null, null), "office");
        }

        await Assertions.Expect(page.Locator("#live-entries > li")).ToHaveCountAsync(count + 1, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#live-entries > li").Last).ToContainTextAsync("浏览器测试：访谈即将开始，欢迎提问。");
        await Assertions.Expect(page.Locator("#live-empty")).ToBeHiddenAsync();
        await AssertAccessibleAsync(page);
        Assert.True(refused.Count == 0, "请求失败或违反内容安全策略：" + string.Join("\n", refused));
        await context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
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
