using System.Net;
using System.Text.Json;
using Disclosure.Contents.Review;
using Disclosure.Contents.Review.Models;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Disclosure.Web.Tests;

/// <summary>Editors and reviewers doing their work in a real browser, from draft to the public API.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ReviewInBrowserTests(BrowserFixture browser)
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

    [Fact]
    public async Task A_five_person_office_masks_a_resident_id_and_publishes_without_a_second_round()
    {
        // A valid GB 11643 number (its check digit is X): the scan must find it, the officer masks it.
        const string residentId = "11010519491231002X";
        const string masked = "110105********002X";
        var title = "关于领取遗失居民身份证的公告（脱敏测试）";
        var id = await DraftAndSubmitAsync(title, $"失主联系人身份证号 {residentId}，请于本周五前到户籍窗口领取。");

        var head = await browser.SignInAsync("head");
        await head.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(head, "已审核通过。");

        // 保密审查: the finding beside the body as the public will see it; mask it and pass it on in one step.
        var secrecy = await browser.SignInAsync("secrecy");
        await secrecy.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(secrecy, masked);
        Assert.Contains(residentId, await secrecy.FrameLocator("iframe[title*='公众看到的样式']").Locator("article").InnerTextAsync());
        await secrecy.GetByRole(AriaRole.Button, new() { Name = "脱敏", Exact = true }).ClickAsync();
        await Expect(secrecy, "已标记为脱敏。");
        await secrecy.GetByLabel("保密审查 意见").FillAsync("身份证号已按规定脱敏。");
        await secrecy.GetByRole(AriaRole.Button, new() { Name = "脱敏后通过" }).ClickAsync();
        await Expect(secrecy, "已脱敏后通过");

        // 领导审批 sees what the masks changed, original → masked, and the masked body.
        var leader = await browser.SignInAsync("leader");
        await leader.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(leader, "脱敏内容（第 1 版 → 第 2 版）");
        var masks = leader.GetByRole(AriaRole.Region, new() { Name = "正文", Exact = true });
        Assert.Contains(residentId, await masks.Locator("del").InnerTextAsync());
        Assert.Contains(masked, await masks.Locator("ins").InnerTextAsync());
        Assert.DoesNotContain(residentId, await leader.FrameLocator("iframe[title*='公众看到的样式']").Locator("article").InnerTextAsync());
        await leader.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(leader, "已审核通过。");

        var office = await browser.SignInAsync("office");
        await office.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "立即发布" }).ClickAsync();
        await Expect(office, "已发布。");

        // No extra save or resubmission: the submitted draft and its masked copy, both by the editor, one review.
        using (var scope = browser.Site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            var versions = await db.ContentVersions.Where(v => v.Item.ContentItemId == id).OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([(1, "editor", ContentStatus.Archived), (2, "editor", ContentStatus.Published)], versions.Select(v => (v.Number, v.CreatedBy, v.Status)));
            Assert.Equal(1, await db.Set<ReviewRecord>().CountAsync(r => r.Item.ContentItemId == id));
            Assert.Equal(
                [ReviewLedgerActions.Submit, ReviewLedgerActions.Approve, ReviewLedgerActions.Mask, ReviewLedgerActions.MaskAndApprove, ReviewLedgerActions.Approve, LedgerActions.Publish],
                await db.Ledger.Where(e => e.ContentItemId == id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        }

        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseAddress) };
        var publicPage = await http.GetStringAsync($"/content/{id}");
        Assert.Contains(masked, publicPage);
        Assert.DoesNotContain(residentId, publicPage);
        var api = await http.GetStringAsync($"/api/v1/content/{id}");
        Assert.Contains(masked, api);
        Assert.DoesNotContain(residentId, api);

        // Search follows publication in the background: wait for the indexer, then neither search shows the number.
        var query = Uri.EscapeDataString("遗失居民身份证 户籍窗口");
        var found = await EventuallyAsync(() => http.GetStringAsync($"/api/v1/search?q={query}"), json => json.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(residentId, found);
        var searchPage = await http.GetStringAsync($"/search?q={query}");
        Assert.Contains($"/content/{id}", searchPage);
        Assert.DoesNotContain(residentId, searchPage);
    }

    [Fact]
    public async Task A_returned_item_waits_on_the_editors_dashboard_with_the_opinion()
    {
        var title = "关于公布便民服务电话的通知（工作台退回测试）";
        var id = await DraftAndSubmitAsync(title, "便民服务电话将于下月公布。");

        var head = await browser.SignInAsync("head");
        await head.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await head.GetByLabel("初审 意见").FillAsync("请补充各窗口的具体电话号码。");
        await head.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Expect(head, "已退回信息员。");

        // Signing in lands on the 工作台: the returned item is there with the step, the reviewer and the opinion.
        var editor = await browser.SignInAsync("editor");
        var row = editor.Locator("table[aria-labelledby='returned'] tr", new() { HasText = title });
        await row.WaitForAsync(new() { Timeout = 15_000 });
        var text = await row.InnerTextAsync();
        Assert.Contains("初审", text);
        Assert.Contains("head", text);
        Assert.Contains("请补充各窗口的具体电话号码。", text);
        await row.GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await editor.WaitForURLAsync($"**/admin/content/{id}/edit");
        await Expect(editor, "保存草稿");
    }

    /// <summary>Polls until <paramref name="done"/> holds (the search indexer works in the background), at most 60 s.</summary>
    private static async Task<string> EventuallyAsync(Func<Task<string>> read, Func<string, bool> done)
    {
        var last = string.Empty;
        for (var attempt = 0; attempt < 120; attempt++)
        {
            last = await read();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"not reached within 60 s; last answer: {last[..Math.Min(last.Length, 2000)]}");
        return last;
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
