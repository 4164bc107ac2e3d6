using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Supervision;

/// <summary>The coverage page (view, edit, bad input) and the public 目录 list's 内容概述 and 生成日期 columns (条例第十二条).</summary>
public sealed class CoverageAndCatalogueTests(SupervisionSiteFixture fixture) : IClassFixture<SupervisionSiteFixture>
{
    private const string Page = "/admin/supervision/coverage";

    private static string Compact(string html) => Regex.Replace(WebUtility.HtmlDecode(html), @">\s+<", "><");

    [Fact]
    public async Task The_coverage_page_lists_the_fifteen_items_and_refuses_an_unknown_class_with_a_message()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = Compact(await office.GetStringAsync(Page));
        Assert.Equal(15, Regex.Count(page, "<th scope=\"row\">（"));
        Assert.Contains("<th scope=\"row\">（四）</th><td>国民经济和社会发展统计信息</td><td><span>不适用：公安机关不承担国民经济和社会发展统计职能", page);
        Assert.Contains("（十二）", page);

        var form = await office.GetStringAsync(Page);
        var posted = await office.PostAsync(Page, Form(form, ("classes1", "02.01、88.01"), ("reason1", "")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        var refused = await TextAsync(posted);
        Assert.Contains("第二十条（一）：目录分类“88.01”不存在，请填写信息公开目录中已有的分类代码（如 02.02）。", refused);
        Assert.Contains("value=\"02.01、88.01\"", refused);

        // The 领导 reads the page but has no form, and cannot post one.
        var leader = await Staff.SignedInAsync(fixture.Site, "leader");
        var leaderPage = await leader.GetStringAsync(Page);
        Assert.DoesNotContain("修改对应关系", leaderPage);
        Assert.StartsWith("/admin/denied", (await leader.PostAsync(Page, Form(leaderPage))).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_public_catalogue_list_shows_each_items_summary_and_written_date()
    {
        await fixture.InScopeAsync(async sp =>
        {
            var content = sp.GetRequiredService<ContentManager>();
            var withSummary = SampleContent.Notice(title: "关于春运期间道路交通安全的通告", catalogue: "03.02");
            ((JsonObject)withSummary.Root["DisclosureMetadataPart"]!)["Summary"] = "春运期间重点路段实行交通管制，请提前规划出行。";
            var withoutSummary = SampleContent.Notice(title: "关于冬季防火的提示", catalogue: "03.02", body: "入冬以来，**火灾**多发。请您注意用火用电安全，发现火情及时拨打 119。");
            foreach (var data in new[] { withSummary, withoutSummary })
            {
                var version = await content.CreateAsync("Disclosure", data, "editor", "zhzx");
                var id = await sp.GetRequiredService<Storage.DisclosureDbContext>().ContentItems.Where(i => i.Id == version.ItemId).Select(i => i.ContentItemId).SingleAsync();
                await content.PublishAsync(id, null, "office", SampleContent.PublishedAt);
            }

            return true;
        });

        var client = fixture.Site.CreateClient();
        var html = Compact(await client.GetStringAsync("/catalogue/03.02"));
        Assert.Contains("<th scope=\"col\" class=\"col-summary\">内容概述</th>", html);
        Assert.Contains("<th scope=\"col\" class=\"col-date\">生成日期</th>", html);
        var row = html[html.IndexOf("关于春运期间道路交通安全的通告", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("<td class=\"col-summary\" data-label=\"内容概述\">春运期间重点路段实行交通管制，请提前规划出行。</td>", row);
        Assert.Contains("<td class=\"col-date\" data-label=\"生成日期\">2026-11-02</td>", row);
        var plain = html[html.IndexOf("关于冬季防火的提示", StringComparison.Ordinal)..];
        Assert.Contains("data-label=\"内容概述\">入冬以来，火灾多发。请您注意用火用电安全，发现火情及时拨打 119。</td>", plain[..plain.IndexOf("</tr>", StringComparison.Ordinal)]);
    }
}
