using System.Text.Json;
using Microsoft.Playwright;

namespace Disclosure.Web.Tests.PublicSite;

/// <summary>
/// Every kind of public page through axe-core in Chromium: all of them in the normal colour scheme, one of each kind of
/// component in high contrast. The longest run of browser tests, so it has a site and a Chromium of its own and runs
/// beside the other browser tests instead of after them.
/// </summary>
[Collection(AccessibilityBrowserGroup.Name)]
public sealed class AccessibilityInBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/catalogue/02.03")]
    [InlineData("/content/yongning-2017-implementation-plan")]
    [InlineData("/guide")]
    [InlineData("/no-such-page")]
    [InlineData("/search?q=%E5%85%AC%E5%BC%80")]
    [InlineData("/requests")]
    [InlineData("/requests/apply")]
    [InlineData("/agencies")]
    [InlineData("/a/150627-103?reach=subtree")]
    [InlineData("/requests/status")]
    [InlineData("/credit")]
    [InlineData("/credit/penalties?q=%E6%B0%B8%E5%85%AC&by=number&match=prefix")]
    [InlineData("/credit/penalties/193")]
    [InlineData("/credit/licences")]
    [InlineData("/credit/licences/1")]
    [InlineData("/types/RandomInspectionItem")]
    [InlineData("/content/ri-hotel")]
    [InlineData("/content/rir-2025-hotel-h2")]
    [InlineData("/content/fee-resident-id-card")]
    [InlineData("/enforcement")]
    [InlineData("/enforcement/query")]
    [InlineData("/mailbox")]
    [InlineData("/mailbox/write")]
    [InlineData("/mailbox/status")]
    [InlineData("/mailbox/statistics")]
    [InlineData("/mailbox/letters/XJ2026-000001")]
    [InlineData("/satisfaction")]
    [InlineData("/a/150627-103")]
    [InlineData("/a/150627-103/catalogue?reach=subtree")]
    [InlineData("/a/150627-103/credit/penalties")]
    public Task Pages_pass_axe_core_WCAG_2_1_AA(string path) => CheckAsync(path, "normal");

    /// <summary>
    /// The high-contrast scheme swaps the colour tokens the whole site is drawn with, so a page of each kind of
    /// component (lists, an item, forms, tables, search, a not-found page, an agency's site) covers it; the
    /// normal scheme is checked on every page above.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/catalogue/02.03")]
    [InlineData("/content/yongning-2017-implementation-plan")]
    [InlineData("/no-such-page")]
    [InlineData("/search?q=%E5%85%AC%E5%BC%80")]
    [InlineData("/requests/apply")]
    [InlineData("/credit/penalties?q=%E6%B0%B8%E5%85%AC&by=number&match=prefix")]
    [InlineData("/mailbox/write")]
    [InlineData("/mailbox/statistics")]
    [InlineData("/enforcement/query")]
    [InlineData("/a/150627-103")]
    public Task Pages_pass_axe_core_WCAG_2_1_AA_in_high_contrast(string path) => CheckAsync(path, "high");

    private async Task CheckAsync(string path, string contrast)
    {
        // axe-core goes in as an init script: the Content-Security-Policy (rightly) refuses an injected <script>.
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN" });
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
        await page.GotoAsync($"/preferences?contrast={contrast}&returnUrl={Uri.EscapeDataString(path)}");
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });" +
            " return r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')); }");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{path}（{contrast}）: " + string.Join("\n", violations));
        Assert.True(refused.Count == 0, $"{path}（{contrast}）违反内容安全策略: " + string.Join("\n", refused));

        // The landmarks screen-reader users jump between.
        foreach (var role in new[] { AriaRole.Banner, AriaRole.Main, AriaRole.Contentinfo })
        {
            await Assertions.Expect(page.GetByRole(role)).ToHaveCountAsync(1);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "搜索政府信息" })).ToHaveCountAsync(1);
    }

    private static string AxeScript =>
        Environment.GetEnvironmentVariable("DISCLOSURE_AXE_SCRIPT") is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException("未找到 axe-core：无障碍检查需要 DISCLOSURE_AXE_SCRIPT，请用 README 中的测试命令运行（它会安装 axe-core）。");
}
