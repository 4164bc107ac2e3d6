using Microsoft.Playwright;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// The admin under its Content-Security-Policy in a real browser: every page of an office's day loads without a
/// single refused script, style or image. (The public pages are walked by the axe-core test, which listens too.)
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ContentSecurityPolicyInBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("editor", new[] { "/admin", "/admin/content", "/admin/content/new?type=Disclosure", "/admin/content/yongning-2017-implementation-plan" })]
    [InlineData("office", new[] { "/admin", "/admin/ledger", "/admin/credit", "/admin/requests", "/admin/outbox", "/admin/keywords", "/admin/calendar" })]
    public async Task Admin_pages_break_no_content_security_policy(string userName, string[] paths)
    {
        var page = await browser.SignInAsync(userName);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Contains("frame-ancestors 'none'", await response.HeaderValueAsync("content-security-policy") ?? string.Empty);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }
}
