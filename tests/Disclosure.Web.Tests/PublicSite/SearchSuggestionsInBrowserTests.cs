using Microsoft.Playwright;

namespace Disclosure.Web.Tests.PublicSite;

/// <summary>The search box's suggestions in Debian's Chromium: an ARIA combobox driven by the keyboard, and a plain form without scripts.</summary>
[Collection(BrowserGroup.Name)]
public sealed class SearchSuggestionsInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Suggestions_appear_as_the_visitor_types_and_the_keyboard_picks_one()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN", ViewportSize = new() { Width = 1100, Height = 700 } });
        // axe-core goes in as an init script (the Content-Security-Policy refuses an injected <script>), as in the accessibility checks.
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
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "搜索政府信息" });
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await box.PressSequentiallyAsync("户籍");

        var list = page.GetByRole(AriaRole.Listbox, new() { Name = "搜索建议" });
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        var options = list.GetByRole(AriaRole.Option);
        Assert.True(await options.CountAsync() >= 2);
        if (Environment.GetEnvironmentVariable("DISCLOSURE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "search-suggestions.png") });
        }

        // The open list passes axe-core's WCAG 2.1 AA rules, and the script broke no policy.
        var violations = await page.EvaluateAsync<string[]>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });" +
            " return r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')); }");
        Assert.True(violations.Length == 0, string.Join("\n", violations));
        Assert.Empty(refused);

        // Down moves through the options (the box keeps the focus and names the active one), Escape closes.
        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowDown");
        var second = options.Nth(1);
        await Assertions.Expect(second).ToHaveAttributeAsync("aria-selected", "true");
        Assert.Equal(await second.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        await box.PressAsync("ArrowUp");
        await Assertions.Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Escape");
        await Assertions.Expect(list).ToBeHiddenAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        // Down opens it again; Enter searches for the active suggestion.
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        var chosen = await options.First.Locator(".suggestion-text").InnerTextAsync();
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");
        Assert.Equal(chosen, await page.GetByLabel("检索词").InputValueAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "共找到" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.hits > li").First).ToContainTextAsync(chosen);
    }

    private static string AxeScript =>
        Environment.GetEnvironmentVariable("DISCLOSURE_AXE_SCRIPT") is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException("未找到 axe-core：无障碍检查需要 DISCLOSURE_AXE_SCRIPT，请用 README 中的测试命令运行（它会安装 axe-core）。");

    [Fact]
    public async Task Without_scripts_the_box_is_a_plain_search_form()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseAddress, Locale = "zh-CN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索政府信息" });
        await box.FillAsync("户籍");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=*");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "共找到" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }
}
