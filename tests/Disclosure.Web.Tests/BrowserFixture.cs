using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Disclosure.Web.Tests;

/// <summary>
/// The demo site on a real Kestrel port and Debian's Chromium driven by Playwright (installed by the test
/// command; Playwright's own browser download is never used), shared by every browser test (<see cref="BrowserGroup"/>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public DisclosureSite Site { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseAddress { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Site = await DisclosureSite.DemoAsync();
        Site.UseKestrel(0);
        Site.StartServer();
        BaseAddress = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
        await Staff.EnsureAsync(Site.Services);

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"未找到 {ChromiumPath}：浏览器测试需要 Debian 的 chromium 包，请用 README 中的测试命令运行（它会安装 chromium）。");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) signed in as one of <see cref="Staff"/>.</summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        try
        {
            // Waits for the navigation to commit and the admin's navigation to show, not for the "load" event: under the
            // full run's load Playwright has missed a load event that fired (the page was there, the wait timed out).
            await page.WaitForURLAsync("**/admin", new() { WaitUntil = WaitUntilState.Commit, Timeout = 90_000 });
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "管理导航" })).ToBeVisibleAsync(new() { Timeout = 90_000 });
        }
        catch (TimeoutException timeout)
        {
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"{userName} 登录后未进入 /admin：停在 {page.Url}，页面内容：{text}", timeout);
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}
