using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Disclosure.Web.Tests;

/// <summary>Editors and reviewers doing their work in a real browser, from draft to the public API.</summary>
public sealed class ReviewInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_draft_goes_through_all_three_reviews_and_appears_on_the_public_api()
    {
        var title = "关于冬季道路交通安全的提示（浏览器测试）";
        var id = await DraftAndSubmitAsync(title, "冬季路面湿滑，请减速慢行。值班电话 13912345678。");

        // 初审 by the department head.
        var head = await browser.SignInAsync("head");
        await head.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await head.GetByLabel("初审 意见").FillAsync("内容属实，同意上报。");
        await head.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(head, "已审核通过。");

        // 保密审查: the scan found the mobile number; the officer lets it out with a reason, then approves.
        var secrecy = await browser.SignInAsync("secrecy");
        await secrecy.GotoAsync($"/admin/content/{id}");
        await Expect(secrecy, "139****5678");
        await secrecy.GetByLabel("确认可公开的理由").FillAsync("单位值班电话，本就对外公布");
        await secrecy.GetByRole(AriaRole.Button, new() { Name = "确认可公开" }).ClickAsync();
        await Expect(secrecy, "已确认可公开。");
        await secrecy.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(secrecy, "已审核通过。");

        // 领导审批.
        var leader = await browser.SignInAsync("leader");
        await leader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(leader, "已审核通过。");

        // 公开办 publishes.
        var office = await browser.SignInAsync("office");
        await office.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "立即发布" }).ClickAsync();
        await Expect(office, "已发布。");
        await Expect(office, "640121-103/");

        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        var detail = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/content/{id}")).RootElement;
        Assert.Equal(title, detail.GetProperty("summary").GetProperty("title").GetString());
        Assert.StartsWith("640121-103/", detail.GetProperty("summary").GetProperty("indexNumber").GetString());
    }

    [Fact]
    public async Task A_return_needs_an_opinion_and_the_editor_resubmits_after_editing()
    {
        var title = "关于调整户籍窗口办公时间的通知（退回测试）";
        var id = await DraftAndSubmitAsync(title, "户籍窗口自下月起周六上午照常办公。");

        var head = await browser.SignInAsync("head");
        await head.GotoAsync($"/admin/content/{id}");
        await head.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Expect(head, "退回必须填写审核意见");
        await head.GetByLabel("初审 意见").FillAsync("请写明具体的办公时段。");
        await head.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Expect(head, "已退回信息员。");

        var editor = await browser.SignInAsync("editor");
        await editor.GotoAsync($"/admin/content/{id}");
        await Expect(editor, "请写明具体的办公时段。");
        await editor.GetByRole(AriaRole.Link, new() { Name = "编辑（保存为新版本）" }).ClickAsync();
        await editor.GetByLabel("正文").FillAsync("户籍窗口自下月起周六上午 9:00—12:00 照常办公。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(editor, "已保存为第 2 版草稿。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "上报审核" }).ClickAsync();
        await Expect(editor, "已上报，等待初审。");

        var again = await browser.SignInAsync("head");
        await Expect(again, title);
        await again.GotoAsync($"/admin/content/{id}/diff?from=1&to=2");
        await Expect(again, "9:00—12:00");
    }

    /// <summary>The editor writes a notice in the admin form and submits it; returns the new item's id.</summary>
    private async Task<string> DraftAndSubmitAsync(string title, string body)
    {
        var editor = await browser.SignInAsync("editor");
        await editor.GotoAsync("/admin/content/new?type=Disclosure");
        await editor.GetByLabel("标题（必填）").FillAsync(title);
        await editor.GetByLabel("目录分类（必填）").SelectOptionAsync("03.02");
        await editor.GetByLabel("发布机构（必填）").SelectOptionAsync("640121-103");
        await editor.GetByLabel("主题分类（必填）").SelectOptionAsync("公安、安全、司法");
        await editor.GetByLabel("正文").FillAsync(body);
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(editor, "已保存为第 1 版草稿。");
        var id = editor.Url.Split('/').Last();
        await editor.GetByRole(AriaRole.Button, new() { Name = "上报审核" }).ClickAsync();
        await Expect(editor, "已上报，等待初审。");
        return id;
    }

    private static async Task Expect(IPage page, string text)
    {
        var locator = page.GetByText(text).First;
        try
        {
            await locator.WaitForAsync(new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var content = WebUtility.HtmlDecode(await page.ContentAsync());
            Assert.Fail($"“{text}” not found on {page.Url}:\n{content[..Math.Min(content.Length, 3000)]}");
        }
    }
}
