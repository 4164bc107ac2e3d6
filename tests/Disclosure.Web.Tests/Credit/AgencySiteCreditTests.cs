using System.Net;
using System.Text.RegularExpressions;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage.Agencies;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Credit;

/// <summary>
/// 双公示 on an agency's own site (集约化): 伊金霍洛旗公安局's lists show its own public decisions only, 含下级 its subtree's,
/// 全部 everyone's — the expected records read from every public record with its agency, not from hard-coded counts.
/// </summary>
[Collection(CreditSiteGroup.Name)]
public sealed partial class AgencySiteCreditTests(CreditSiteFixture fixture)
{
    private const string Banner = "150627-103";
    private const string Own = "640121-103";

    private readonly HttpClient _client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });

    [Theory]
    [InlineData(CreditRecordKind.Penalty, Banner, null)]
    [InlineData(CreditRecordKind.Penalty, Banner, "subtree")]
    [InlineData(CreditRecordKind.Penalty, "150600-103", "subtree")]
    [InlineData(CreditRecordKind.Penalty, Banner, "all")]
    [InlineData(CreditRecordKind.Licence, Banner, null)]
    [InlineData(CreditRecordKind.Licence, Banner, "all")]
    public async Task An_agency_sites_credit_list_shows_exactly_its_reachs_public_records(CreditRecordKind kind, string agency, string? reach)
    {
        var (tree, records) = await PublicRecordsAsync(kind);
        var covered = reach switch { null => [agency], "subtree" => tree.SubtreeCodes(agency), _ => null };
        var expected = records.Where(r => covered is null || covered.Contains(r.Value)).Select(r => r.Key).ToHashSet();
        if (kind == CreditRecordKind.Penalty)
        {
            Assert.Contains(records, r => r.Value == Banner); // the demo gives 伊金霍洛旗 penalties of its own
        }

        var list = kind == CreditRecordKind.Licence ? "licences" : "penalties";
        var url = $"/a/{agency}/credit/{list}" + (reach is null ? string.Empty : $"?reach={reach}");
        var html = await TextAsync(await _client.GetAsync(url));
        Assert.Contains($"正在公示 {expected.Count} 条", html);
        var ids = new HashSet<long>();
        for (var page = 1; page <= (expected.Count + Disclosure.Credit.Public.CreditController.PageSize - 1) / Disclosure.Credit.Public.CreditController.PageSize; page++)
        {
            var body = page == 1 ? html : await TextAsync(await _client.GetAsync(url + (url.Contains('?') ? "&" : "?") + $"page={page}"));
            ids.UnionWith(Regex.Matches(body, $"href=\"/a/{agency}/credit/{list}/(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(expected.Order(), ids.Order());
        if (reach != "all")
        {
            Assert.DoesNotContain(ids, id => records[id] == Own); // 永宁县公安局's never appear under another agency's 本级/含下级
        }
    }

    [Fact]
    public async Task The_credit_home_of_an_agency_site_counts_its_own_and_offers_the_reach()
    {
        var (_, penalties) = await PublicRecordsAsync(CreditRecordKind.Penalty);
        var home = await TextAsync(await _client.GetAsync($"/a/{Banner}/credit"));
        Assert.Contains($"正在公示 {penalties.Count(p => p.Value == Banner)} 条。", home);
        Assert.Contains($"<a href=\"/a/{Banner}/credit\" aria-current=\"page\">本级</a>", home);
        Assert.Contains($"<a href=\"/a/{Banner}/credit?reach=all\">全部</a>", home);
        Assert.Contains($"action=\"/a/{Banner}/credit/penalties\"", home);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/a/{Banner}/credit/penalties?reach=some")).StatusCode);

        // The installation's own 双公示 is unscoped as before.
        var installation = await TextAsync(await _client.GetAsync("/credit"));
        Assert.Contains($"正在公示 {penalties.Count} 条。", installation);
    }

    private async Task<(AgencyTree Tree, Dictionary<long, string> Records)> PublicRecordsAsync(CreditRecordKind kind)
    {
        using var scope = fixture.Site.Services.CreateScope();
        var tree = await scope.ServiceProvider.GetRequiredService<AgencyDirectory>().TreeAsync();
        var (items, total) = await scope.ServiceProvider.GetRequiredService<CreditPublicQuery>().ListAsync(kind, new CreditSearch(), 1, 10_000);
        Assert.Equal(total, items.Count);
        return (tree, items.ToDictionary(i => i.Id, i => i.AgencyCode));
    }
}
