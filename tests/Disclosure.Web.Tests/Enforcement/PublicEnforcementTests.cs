using System.Net;
using System.Text.RegularExpressions;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.Enforcement.PublicEnforcementSupport;
using static Disclosure.Web.Tests.HtmlForms;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;

namespace Disclosure.Web.Tests.Enforcement;

/// <summary>警务公开查询 and 执法公开平台 over HTTP against the real site: who sees what, what a wrong query says, the statistics.</summary>
public sealed partial class PublicEnforcementTests(EnforcementSiteFixture fixture) : IClassFixture<EnforcementSiteFixture>
{
    [Fact]
    public async Task Each_party_sees_exactly_the_steps_of_their_role_and_no_one_personal_data()
    {
        var registered = await RegisterCriminalCaseAsync(fixture.Site.Services, new DateOnly(2026, 11, 2));
        var client = fixture.Site.CreateClient();

        var (victimCode, victimTail) = registered.Parties["victim"];
        var response = await QueryAsync(client, fixture.Site.Services, registered.Number.ToLowerInvariant(), victimCode.ToLowerInvariant().Replace("-", " "), victimTail);
        var victim = await TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", victim);
        Assert.Equal(["受案", "立案", "采取刑事强制措施", "破案"], Timeline(victim));
        Assert.Contains($"<dd id=\"case-number\">{registered.Number}</dd>", victim);
        Assert.Contains("<dd id=\"case-kind\">刑事案件</dd>", victim);
        Assert.Contains("<dd id=\"party-role\">被害人或其家属</dd>", victim);
        Assert.Contains("永宁县公安局刑事侦查大队", victim);
        Assert.Contains("0951-8011110", victim);
        Assert.Contains("拘留通知书", victim);
        Assert.Contains("刑事拘留", victim);
        Assert.Contains("2026年11月3日", victim);
        Assert.Contains("申请回避", victim); // the kind's rights text

        var (suspectCode, suspectTail) = registered.Parties["suspect"];
        var suspect = await TextAsync(await QueryAsync(client, fixture.Site.Services, registered.Number, suspectCode, suspectTail));
        Assert.Equal(["采取刑事强制措施", "鉴定意见"], Timeline(suspect));
        Assert.Contains("<dd id=\"party-role\">犯罪嫌疑人或其家属</dd>", suspect);
        Assert.Contains("轻伤二级", suspect);

        foreach (var html in new[] { victim, suspect })
        {
            Assert.DoesNotContain("移送审查起诉", html); // held back
            Assert.All(registered.PersonalData, value => Assert.DoesNotContain(value, html));
            Assert.DoesNotContain(victimCode, html);
            Assert.DoesNotContain(suspectCode, html);
        }

        // The party's other factor works as well: the suspect's family gave no phone, the victim no ID number.
        Assert.Contains("未找到", await TextAsync(await QueryAsync(client, fixture.Site.Services, registered.Number, victimCode, suspectTail)));
    }

    [Fact]
    public async Task A_wrong_code_tail_or_case_number_gets_the_same_answer_and_nothing_typed_comes_back()
    {
        var registered = await RegisterCriminalCaseAsync(fixture.Site.Services, new DateOnly(2026, 11, 5));
        var other = await RegisterCriminalCaseAsync(fixture.Site.Services, new DateOnly(2026, 11, 6));
        var (code, tail) = registered.Parties["victim"];
        var wrongTail = tail == "0000" ? "1111" : "0000";
        var client = fixture.Site.CreateClient();
        var answers = new List<string>();
        foreach (var (number, typedCode, typedTail) in new[]
                 {
                     (registered.Number, "ZZZZ-ZZZZ-ZZZZ", tail), // wrong code
                     (registered.Number, code, wrongTail), // wrong tail
                     (other.Number, code, tail), // another real case's number
                     ("A6401215100009999999999", code, tail), // a case that does not exist
                     (registered.Number, other.Parties["victim"].Code, other.Parties["victim"].Tail), // another case's party
                     ("不存在", "不是查询码", "abc"), // nonsense
                 })
        {
            var response = await QueryAsync(client, fixture.Site.Services, number, typedCode, typedTail);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("未找到", WebUtility.HtmlDecode(html));
            Assert.DoesNotContain(number, html);
            Assert.DoesNotContain(typedCode, html);
            Assert.DoesNotContain("value=\"" + typedTail, html);
            answers.Add(WithoutPerRequestValues(html));
        }

        Assert.Single(answers.Distinct());

        // A wrong captcha says so (it is not about the case), keeps the number and code but never the tail, and queries nothing.
        var wrongCaptcha = await QueryAsync(client, fixture.Site.Services, registered.Number, code, tail, captcha: "00000");
        var refused = await TextAsync(wrongCaptcha);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongCaptcha.StatusCode);
        Assert.Contains("验证码不正确或已过期", refused);
        Assert.Contains("aria-describedby=\"captcha-help error-captcha\"", refused);
        Assert.Contains($"value=\"{registered.Number}\"", refused);
        Assert.DoesNotContain("查询结果", refused);
        Assert.DoesNotContain("未找到", refused);
        Assert.DoesNotMatch("name=\"tail\"[^>]*value=", refused);

        // Missing fields are named, each described by its message.
        var page = await client.GetStringAsync("/enforcement/query");
        var empty = await TextAsync(await client.PostAsync("/enforcement/query", Form(page, ("captchaId", CaptchaId(page)), ("captcha", ""))));
        Assert.Contains("请填写案件编号。", empty);
        Assert.Contains("请填写查询码。", empty);
        Assert.Contains("请填写证件号码或联系电话的后四位。", empty);
        Assert.Contains("aria-describedby=\"hint-tail error-tail\"", empty);
    }

    [Fact]
    public async Task The_query_page_is_never_cached_or_indexed_and_posts_need_the_antiforgery_token()
    {
        var client = fixture.Site.CreateClient();
        var first = await client.GetAsync("/enforcement/query");
        var second = await client.GetStringAsync("/enforcement/query");
        var html = await TextAsync(first);
        Assert.True(first.Headers.CacheControl!.NoStore);
        Assert.Null(first.Headers.ETag);
        Assert.NotEqual(CaptchaId(html), CaptchaId(second)); // the same visitor again: a new challenge, not a cached page
        Assert.Contains("<meta name=\"robots\" content=\"noindex\" />", html);
        Assert.Contains("<label for=\"field-caseNumber\">案件编号（必填）</label>", html);
        Assert.Contains("<h1>警务公开查询</h1>", html);

        var forged = await client.PostAsync("/enforcement/query", new FormUrlEncodedContent(new Dictionary<string, string> { ["caseNumber"] = "X", ["queryCode"] = "Y", ["tail"] = "1234" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task The_platform_links_its_sections_and_shows_statistics_with_small_counts_hidden()
    {
        // Three petitions accepted in March 2026 (a month without demo cases): a cell of 3; the demo's two 行政案件 of October: “<3”.
        using (var scope = fixture.Site.Services.CreateScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<CaseRegistry>();
            for (var i = 0; i < 3; i++)
            {
                await registry.RegisterAsync(new NewCase($"XF-2026-TEST-{i}-{Guid.NewGuid():n}"[..24], "petition", "永宁县公安局纪检督察室", "0951-8011301",
                    new DateOnly(2026, 3, 10 + i), [new NewParty("petitioner", $"（测试）信访人{i}", null, "1380000000" + i)]), "test");
            }
        }

        var response = await fixture.Site.CreateClient().GetAsync("/enforcement");
        var html = await TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>执法公开平台</h1>", html);
        foreach (var heading in new[] { "执法主体", "执法依据", "执法流程", "救济途径", "警务公开查询", "执法统计" })
        {
            Assert.Matches($"<h2 id=\"[a-z]+\">{heading}</h2>", html);
        }

        Assert.Contains("href=\"/enforcement/query\"", html);
        Assert.Contains("href=\"/credit\"", html);
        Assert.Contains("href=\"/catalogue/04.04\">双随机一公开</a>", html);
        Assert.Contains("href=\"/catalogue/01\"", html);
        Assert.Contains("href=\"/catalogue/02\"", html);
        Assert.Contains("受案、立案、不予立案", html); // the criminal kind's steps
        Assert.Contains("申请国家赔偿", html);

        var march = MonthRow(html, "statistics-by-kind", "2026年3月");
        Assert.Contains("<td data-label=\"信访投诉\">3</td>", march);
        Assert.Contains("<td data-label=\"刑事案件\">0</td>", march);
        var october = MonthRow(html, "statistics-by-kind", "2026年10月");
        Assert.Contains("<td data-label=\"行政案件\"><3</td>", october);
        Assert.Contains("<td data-label=\"受理\">3</td>", MonthRow(html, "statistics-petition", "2026年3月"));
        Assert.DoesNotContain("2025年12月", html); // twelve months: 2026年1月 to 2026年12月
        Assert.Contains("2026年1月至2026年12月", html);

        // Only counts: no case number, unit contact or party.
        Assert.DoesNotContain("A6401215100002026090031", html);
        Assert.DoesNotContain("XF-2026-TEST", html);
        Assert.All(DemoPartyData(), value => Assert.DoesNotContain(value, html));
    }

    [Fact]
    public async Task The_home_page_links_to_the_query_and_the_platform()
    {
        var home = await fixture.Site.CreateClient().GetStringAsync("/");
        Assert.Contains("href=\"/enforcement/query\"", home);
        Assert.Contains("href=\"/enforcement\"", home);
    }

    /// <summary>The row of <paramref name="month"/> in the table after the element with id <paramref name="after"/>.</summary>
    private static string MonthRow(string html, string after, string month)
    {
        var start = html.IndexOf($"id=\"{after}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {after}");
        var row = RowRegex().Matches(html[start..]).FirstOrDefault(m => m.Value.Contains($">{month}</th>", StringComparison.Ordinal));
        Assert.True(row is not null, $"no row {month} in {after}");
        return row.Value;
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();
}

/// <summary>The query and the statistics on both engines (the statistics' GROUP BY by month must translate on each).</summary>
public sealed class PublicEnforcementEngineTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_party_queries_their_case_and_the_statistics_count_it(DatabaseProvider engine)
    {
        await using var site = await DisclosureSite.DemoAsync(engine, clock: new TestClock(EnforcementSiteFixture.Now));
        var host = site;
        var registered = await RegisterCriminalCaseAsync(host.Services, new DateOnly(2026, 2, 3));
        var client = host.CreateClient();
        var (code, tail) = registered.Parties["suspect"];
        Assert.Equal(["采取刑事强制措施", "鉴定意见"], Timeline(await TextAsync(await QueryAsync(client, host.Services, registered.Number, code, tail))));
        Assert.Contains("未找到", await TextAsync(await QueryAsync(client, host.Services, registered.Number, code, tail == "0000" ? "1111" : "0000")));

        using (var scope = host.Services.CreateScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<EnforcementStatistics>().GetAsync();
            var criminal = report.Kinds.Single(k => k.Code == "criminal");
            Assert.Equal(12, report.Months.Count);
            Assert.Equal(new DateOnly(2026, 1, 1), report.Months[0].FirstDay);
            Assert.Equal("<3", criminal.ByMonth[1]); // February: the one case registered here
            Assert.Single(criminal.Stages, s => s.ByMonth[1] == "<3"); // in one stage, its latest
            Assert.All(report.Kinds.Where(k => k.Code != "criminal"), k => Assert.Equal("0", k.ByMonth[1]));
        }
    }
}

/// <summary>The query's budget, on a site of its own allowing two queries per address.</summary>
public sealed class PublicEnforcementRateLimitTests : IAsyncLifetime
{
    private readonly DisclosureSite _site = new(null, DisclosureSite.SetupOnly(new Dictionary<string, string> { ["Enforcement:QueryPermitLimit"] = "2" }));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_third_query_from_one_address_is_refused_with_429()
    {
        var client = _site.CreateClient();
        var page = await client.GetStringAsync("/enforcement/query");
        var fields = new[] { ("caseNumber", "A6401215100002026090031"), ("queryCode", "AAAA-BBBB-CCCC"), ("tail", "1234"), ("captchaId", CaptchaId(page)), ("captcha", "AAAAA") };

        // A forged post costs nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/enforcement/query", new FormUrlEncodedContent(fields.ToDictionary(f => f.Item1, f => f.Item2)))).StatusCode);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync("/enforcement/query", Form(page, fields))).StatusCode);
        }

        var limited = await client.PostAsync("/enforcement/query", Form(page, fields));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("操作过于频繁", await TextAsync(limited));

        // The 依申请公开 status query has a budget of its own.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/requests/status", Form(page, ("trackingCode", "AAAA-BBBB-CCCC"), ("secondFactor", "13800000000")))).StatusCode);
    }
}
