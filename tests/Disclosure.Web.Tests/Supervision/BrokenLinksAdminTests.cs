using System.Net;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Supervision.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Supervision;

/// <summary>The 死链 page: who may open it and press 立即检查, what it lists, and that another agency's staff do not see it.</summary>
public sealed class BrokenLinksAdminTests(SupervisionSiteFixture fixture) : IClassFixture<SupervisionSiteFixture>
{
    private const string Page = "/admin/supervision/links";

    [Fact]
    public async Task The_office_queues_a_check_and_sees_its_broken_links_and_another_agency_does_not()
    {
        var data = SampleContent.Notice(title: "关于调整户籍窗口办公时间的通知",
            body: "详见[办事指南](/guide)、[旧页面](/no-such-page)和[已删除的通知](/content/deleted-notice-2025)。");
        data.Root["Disclosure"] = new JsonObject { ["Attachments"] = new JsonArray(new JsonObject { ["path"] = "2026/11/missing-hours.pdf", ["name"] = "新办公时间表.pdf" }) };
        var id = await fixture.InScopeAsync(async sp =>
        {
            var content = sp.GetRequiredService<ContentManager>();
            var version = await content.CreateAsync("Disclosure", data, "editor", "zhzx");
            var itemId = await sp.GetRequiredService<Storage.DisclosureDbContext>().ContentItems.Where(i => i.Id == version.ItemId).Select(i => i.ContentItemId).SingleAsync();
            await content.PublishAsync(itemId, null, "office", SampleContent.PublishedAt);
            return itemId;
        });

        // 立即检查 needs its token, and a role: the 领导 reads the list but has no button and cannot post.
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync(Page);
        Assert.Contains("立即检查", page);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsync(Page + "?handler=Run", new FormUrlEncodedContent([]))).StatusCode);
        var leader = await Staff.SignedInAsync(fixture.Site, "leader");
        var leaderPage = await leader.GetStringAsync(Page);
        Assert.DoesNotContain("立即检查</button>", leaderPage);
        var refused = await leader.PostAsync(Page + "?handler=Run", Form(leaderPage));
        Assert.StartsWith("/admin/denied", refused.Headers.Location!.PathAndQuery);
        Assert.Null(await fixture.InScopeAsync(sp => sp.GetRequiredService<LinkCheckRuns>().OpenAsync(CancellationToken.None)));

        var queued = await office.PostAsync(Page + "?handler=Run", Form(page));
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        Assert.Contains("已开始检查", WebUtility.HtmlDecode(await office.GetStringAsync(Page)));
        Assert.Equal("office", (await fixture.InScopeAsync(sp => sp.GetRequiredService<LinkCheckRuns>().OpenAsync(CancellationToken.None)))!.RequestedBy);

        Assert.Equal(LinkCheckPass.Finished, await fixture.InScopeAsync(sp => sp.GetRequiredService<LinkChecker>().RunOnceAsync("test-node", CancellationToken.None)));

        var html = System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(await office.GetStringAsync(Page + "?department=zhzx")), @">\s+<", "><");
        var section = html[html.IndexOf($"href=\"/admin/content/{id}\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("关于调整户籍窗口办公时间的通知", section);
        Assert.Contains("指挥中心", section);
        Assert.Contains("<td>附件</td><td>附件不存在</td>", section);
        Assert.Contains("<code class=\"url\">/no-such-page</code></td><td>站内链接</td><td>404 页面不存在</td>", section);
        Assert.Contains("<code class=\"url\">/content/deleted-notice-2025</code></td><td>站内链接</td><td>404 信息不存在</td>", section);
        Assert.DoesNotContain("/guide", section); // a route of the site: not broken
        Assert.Contains("上次检查：", html);

        // Filtered to another department, the item is not listed; and 伊金霍洛旗公安局's office never sees it.
        Assert.DoesNotContain(id, await office.GetStringAsync(Page + "?department=xzdd"));
        var other = await Staff.SignedInAsync(fixture.Site, "office-yj");
        var theirs = await other.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        Assert.DoesNotContain(id, await theirs.Content.ReadAsStringAsync());
        Assert.DoesNotContain("新办公时间表.pdf", await theirs.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("head")]
    [InlineData("secrecy")]
    [InlineData("norole")]
    public async Task Those_outside_the_office_leaders_and_administrators_are_turned_away(string user)
    {
        var client = await Staff.SignedInAsync(fixture.Site, user);
        var response = await client.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
    }
}
