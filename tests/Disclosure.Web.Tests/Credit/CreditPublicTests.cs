using System.Net;
using System.Text.Json;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Credit;

/// <summary>
/// The public side of 双公示 over the demo's records: what is shown, how it is searched, and — read from every public
/// page and every API answer — that no natural person's real name or ID number ever appears.
/// </summary>
[Collection(CreditSiteGroup.Name)]
public sealed class CreditPublicTests(CreditSiteFixture fixture)
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly HttpClient _client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<string> HtmlAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private Task<List<long>> PublicIdsAsync(CreditRecordKind kind) => fixture.DbAsync(db => kind == CreditRecordKind.Licence
        ? db.Set<CreditLicenceRecord>().Where(r => r.Status == CreditRecordStatus.Published && !r.PartyIsMinor && !r.InvolvesSecrets).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync()
        : db.Set<CreditPenaltyRecord>().Where(r => r.Status == CreditRecordStatus.Published && !r.PartyIsMinor && !r.InvolvesSecrets && r.PublicationEnd >= Today).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());

    [Fact]
    public async Task No_public_page_or_api_answer_carries_a_natural_persons_real_name_or_id_number()
    {
        // What must never go out: every natural person's name and ID, every 个体工商户 operator's name and ID, every
        // legal representative's ID — across all records, public or not. A name that is also a company's (public)
        // legal representative is left out of the check, since it rightly appears there.
        var secrets = await fixture.DbAsync(async db =>
        {
            var licences = await db.Set<CreditLicenceRecord>().Select(r => new { r.PartyKind, r.PartyName, r.LegalRepresentative, r.IdNumber, r.LegalRepresentativeIdNumber }).ToListAsync();
            var penalties = await db.Set<CreditPenaltyRecord>().Select(r => new { r.PartyKind, r.PartyName, r.LegalRepresentative, r.IdNumber, r.LegalRepresentativeIdNumber }).ToListAsync();
            var all = licences.Concat(penalties).ToList();
            var publicNames = all.Where(r => r.PartyKind == PartyKind.LegalEntity).Select(r => r.LegalRepresentative).ToHashSet();
            return all.SelectMany(r => new[]
                {
                    r.PartyKind == PartyKind.NaturalPerson ? r.PartyName : null,
                    r.PartyKind == PartyKind.IndividualBusiness ? r.LegalRepresentative : null,
                    r.IdNumber,
                    r.LegalRepresentativeIdNumber,
                })
                .OfType<string>().Where(s => s.Length >= 2 && !publicNames.Contains(s)).Distinct().ToList();
        });
        Assert.True(secrets.Count > 200, $"only {secrets.Count} names and ID numbers to look for");

        var outputs = new List<(string Url, string Text)>();
        foreach (var kind in new[] { CreditRecordKind.Licence, CreditRecordKind.Penalty })
        {
            var list = CreditUrlsFor(kind);
            var ids = await PublicIdsAsync(kind);
            Assert.NotEmpty(ids);
            for (var page = 1; page <= (ids.Count + 19) / 20; page++)
            {
                outputs.Add(($"{list}?page={page}", await HtmlAsync($"{list}?page={page}")));
            }

            for (var page = 1; page <= (ids.Count + 99) / 100; page++)
            {
                var url = $"/api/v1{list}?pageSize=100&page={page}";
                outputs.Add((url, (await JsonAsync(url)).GetRawText()));
            }

            foreach (var id in ids)
            {
                outputs.Add(($"{list}/{id}", await HtmlAsync($"{list}/{id}")));
                outputs.Add(($"/api/v1{list}/{id}", (await JsonAsync($"/api/v1{list}/{id}")).GetRawText()));
            }
        }

        outputs.Add(("/credit", await HtmlAsync("/credit")));
        foreach (var (url, text) in outputs)
        {
            var unescaped = System.Text.RegularExpressions.Regex.Unescape(text);
            foreach (var secret in secrets)
            {
                Assert.False(unescaped.Contains(secret, StringComparison.Ordinal), $"{url} contains “{secret}”");
            }
        }

        // And the masked forms are what is shown instead.
        var person = await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().SingleAsync(r => r.Id == 193));
        var page193 = await HtmlAsync("/credit/penalties/193");
        Assert.Contains($"<dd>{person.IdNumber![..6]}********{person.IdNumber[^4..]}</dd>", page193);
        Assert.Contains($"<dd>{person.PartyName[0]}{new string('*', person.PartyName.Length - 1)}</dd>", page193);
    }

    [Fact]
    public async Task Searching_for_a_raw_id_number_or_real_name_finds_nothing_anywhere()
    {
        var person = await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().SingleAsync(r => r.Id == 193));
        foreach (var q in new[] { person.IdNumber!, person.IdNumber![..10], person.PartyName })
        {
            foreach (var by in new[] { "name", "code", "number" })
            {
                foreach (var match in new[] { "exact", "prefix" })
                {
                    var query = $"?q={Uri.EscapeDataString(q)}&by={by}&match={match}";
                    Assert.Contains("找到 0 条", await HtmlAsync("/credit/penalties" + query));
                    Assert.Equal(0, (await JsonAsync("/api/v1/credit/penalties" + query)).GetProperty("total").GetInt32());
                }
            }
        }
    }

    [Fact]
    public async Task Records_are_found_by_name_credit_code_and_decision_number_exactly_or_by_prefix()
    {
        var company = await fixture.DbAsync(db => db.Set<CreditLicenceRecord>().Where(r => r.PartyKind == PartyKind.LegalEntity).OrderBy(r => r.Id).FirstAsync());
        var sameCode = await fixture.DbAsync(db => db.Set<CreditLicenceRecord>().CountAsync(r => r.CreditCode == company.CreditCode));

        var byCode = await JsonAsync($"/api/v1/credit/licences?q={company.CreditCode}&by=code&match=exact&pageSize=100");
        Assert.Equal(sameCode, byCode.GetProperty("total").GetInt32());
        Assert.All(byCode.GetProperty("items").EnumerateArray(), i => Assert.Equal(company.CreditCode, i.GetProperty("party").GetProperty("creditCode").GetString()));

        var html = await HtmlAsync($"/credit/licences?q={Uri.EscapeDataString(company.PartyName[..4])}&by=name&match=prefix");
        Assert.Contains(company.PartyName, html);
        Assert.Contains("找到 0 条", await HtmlAsync($"/credit/licences?q={Uri.EscapeDataString(company.PartyName[..4])}&by=name&match=exact"));

        // A decision number typed with other brackets still finds its one record.
        var number = company.DecisionNumber.Replace('〔', '[').Replace('〕', ']').Replace('(', '（').Replace(')', '）');
        var byNumber = await JsonAsync($"/api/v1/credit/licences?q={Uri.EscapeDataString(number)}&by=number&match=exact");
        Assert.Equal(company.Id, Assert.Single(byNumber.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        var prefix = await JsonAsync($"/api/v1/credit/licences?q={Uri.EscapeDataString("永公(治)许字〔2025〕")}&by=number&pageSize=100");
        var expected = await fixture.DbAsync(db => db.Set<CreditLicenceRecord>().CountAsync(r => r.DecisionNumber.StartsWith("永公(治)许字〔2025〕")));
        Assert.Equal(expected, prefix.GetProperty("total").GetInt32());
        Assert.True(expected > 10);

        // Paging: page 2 of 20 holds the 21st to 40th newest.
        var all = await PublicIdsAsync(CreditRecordKind.Licence);
        var page2 = await JsonAsync("/api/v1/credit/licences?page=2&pageSize=20");
        Assert.Equal(all.Count, page2.GetProperty("total").GetInt32());
        Assert.Equal(20, page2.GetProperty("items").GetArrayLength());
        Assert.Contains("第 2 / ", await HtmlAsync("/credit/licences?page=2"));
    }

    [Fact]
    public async Task Expired_withdrawn_and_never_publishable_penalties_are_not_found()
    {
        var (expired, minor, draft) = await fixture.DbAsync(async db => (
            await db.Set<CreditPenaltyRecord>().Where(r => r.Status == CreditRecordStatus.Published && r.PublicationEnd < Today).Select(r => r.Id).FirstAsync(),
            await db.Set<CreditPenaltyRecord>().Where(r => r.PartyIsMinor).Select(r => r.Id).FirstAsync(),
            await db.Set<CreditPenaltyRecord>().Where(r => r.Status == CreditRecordStatus.Draft && !r.PartyIsMinor).Select(r => r.Id).FirstAsync()));
        foreach (var id in new[] { expired, minor, draft, 999_999 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/credit/penalties/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/credit/penalties/{id}")).StatusCode);
        }

        var listed = new List<long>();
        for (var page = 1; ; page++)
        {
            var json = await JsonAsync($"/api/v1/credit/penalties?pageSize=100&page={page}");
            listed.AddRange(json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            if (listed.Count >= json.GetProperty("total").GetInt32())
            {
                break;
            }
        }

        Assert.Equal(await PublicIdsAsync(CreditRecordKind.Penalty), listed.Order());
        Assert.DoesNotContain(expired, listed);
    }

    [Fact]
    public async Task A_record_page_shows_the_public_fields_with_the_standards_labels_and_none_of_the_internal_ones()
    {
        var html = await HtmlAsync("/credit/penalties/193");
        foreach (var label in new[] { "行政相对人名称", "行政相对人类别", "证件类型", "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "处罚决定日期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码" })
        {
            Assert.Contains($"<dt>{label}</dt>", html);
        }

        foreach (var label in new[] { "失信严重程度", "当事人为未成年人", "涉及国家秘密" })
        {
            Assert.DoesNotContain(label, html);
        }

        var json = await JsonAsync("/api/v1/credit/penalties/193");
        Assert.Equal("2029-03-17", json.GetProperty("publicationEnd").GetString());
        Assert.Equal("自然人", json.GetProperty("party").GetProperty("kind").GetString());
        Assert.False(json.TryGetProperty("severity", out _));
    }

    [Theory]
    [InlineData("/api/v1/credit/penalties?by=idNumber", "by")]
    [InlineData("/api/v1/credit/penalties?match=fuzzy", "match")]
    [InlineData("/api/v1/credit/licences?pageSize=101", "pageSize")]
    [InlineData("/api/v1/credit/licences?page=0", "page")]
    public async Task Bad_api_parameters_get_400_with_a_message_per_parameter(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task The_landing_page_counts_what_is_public_and_the_home_page_links_to_it()
    {
        var html = await HtmlAsync("/credit");
        Assert.Contains($"正在公示 {(await PublicIdsAsync(CreditRecordKind.Licence)).Count} 条", html);
        Assert.Contains($"正在公示 {(await PublicIdsAsync(CreditRecordKind.Penalty)).Count} 条", html);
        Assert.Contains("href=\"/credit\"", await HtmlAsync("/"));
    }

    private static string CreditUrlsFor(CreditRecordKind kind) => kind == CreditRecordKind.Licence ? "/credit/licences" : "/credit/penalties";
}
