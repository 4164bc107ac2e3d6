using System.Globalization;
using System.Text.Json;
using Disclosure.Core.Time;
using Disclosure.Storage.Tests.Interaction.Consultations;
using Microsoft.Playwright;

namespace Disclosure.Web.Tests.Interaction.Consultations;

/// <summary>
/// /consultations and an open consultation's page on a 360 px phone, in a real browser: axe-core WCAG 2.1 AA on both
/// (normal and high contrast), no sideways scrolling, and an empty comment's errors announced and tied to their fields.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ConsultationsInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_list_and_an_open_consultation_pass_axe_core_on_a_360_px_screen_and_announce_errors()
    {
        // A consultation open today whatever day the suite runs (the demo's windows are fixed dates).
        var today = ChinaTime.ToDate(DateTime.UtcNow);
        var id = await ConsultationTestContent.ConsultationAsync(browser.Site.Services, "c-browser", D(today.AddDays(-3)), D(today.AddDays(30)), title: "关于浏览器测试的规定（征求意见稿）");
        foreach (var contrast in new[] { "normal", "high" })
        {
            var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN", ViewportSize = new() { Width = 360, Height = 740 } });
            await context.AddInitScriptAsync(scriptPath: AxeScript);
            var page = await context.NewPageAsync();
            foreach (var path in new[] { "/consultations", "/consultations/" + id })
            {
                await page.GotoAsync($"/preferences?contrast={contrast}&returnUrl={Uri.EscapeDataString(path)}");
                await AssertAccessibleAsync(page, $"{path}（{contrast}）");
            }

            await context.CloseAsync();
        }

        var phone = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN", ViewportSize = new() { Width = 360, Height = 740 } });
        var form = await phone.NewPageAsync();
        await form.GotoAsync("/consultations");
        await form.GetByRole(AriaRole.Link, new() { Name = "关于浏览器测试的规定（征求意见稿）" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("关于浏览器测试的规定（征求意见稿）");
        await Assertions.Expect(form.Locator("#window")).ToContainTextAsync("征求中");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交意见", Exact = true }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写您的意见或建议。");
        await Assertions.Expect(form.GetByLabel("意见内容（必填）")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.GetByLabel("意见内容（必填）")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("请填写您的意见或建议"));
        await AssertNoSidewaysScrollAsync(form);
        await phone.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page, string label)
    {
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });" +
            " return r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')); }");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, label + ": " + string.Join("\n", violations));
        await AssertNoSidewaysScrollAsync(page);
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} 在 360 px 宽时可以横向滚动 {overflow} px。");
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string AxeScript =>
        Environment.GetEnvironmentVariable("DISCLOSURE_AXE_SCRIPT") is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException("未找到 axe-core：无障碍检查需要 DISCLOSURE_AXE_SCRIPT，请用 README 中的测试命令运行（它会安装 axe-core）。");
}
