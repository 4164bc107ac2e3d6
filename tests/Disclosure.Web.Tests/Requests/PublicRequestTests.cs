using System.Net;
using System.Text.RegularExpressions;
using Disclosure.Requests.Data;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Requests;

/// <summary>The public application form, the receipt and the status query over HTTP, and that nothing public leaks an applicant.</summary>
[Collection(RequestSiteGroup.Name)]
public sealed partial class PublicRequestTests(RequestSiteFixture fixture)
{
    private static (string, string)[] Valid(string captchaId, string captcha, string description) =>
    [
        ("Input.Kind", "NaturalPerson"), ("Input.Name", "欧阳娜娜"), ("Input.IdType", "ResidentIdCard"), ("Input.IdNumber", "64012119880105036X"),
        ("Input.Phone", "139 0951 7777"), ("Input.Address", "永宁县望远镇 8 号"), ("Input.Description", description),
        ("Input.Form", "Electronic"), ("Input.Delivery", "Online"), ("captchaId", captchaId), ("captcha", captcha),
        ("Input.Agency", "640121-103"),
    ];

    [Fact]
    public async Task The_applicant_chooses_among_the_agencies_that_accept_applications_online_and_the_application_is_theirs()
    {
        var client = fixture.Site.CreateClient();
        var page = await client.GetStringAsync("/requests/apply");
        var options = AgencyOptionRegex().Matches(page).Select(m => m.Groups[1].Value).ToList();
        // Tree order, the own agency preselected; 东胜区分局 takes applications only by letter and is not offered.
        Assert.Equal(["640121-103", "640121-001", "610100-103", "320300-110", "150000-103", "150600-103", "150627-103"], options);
        Assert.Matches("value=\"640121-103\"[^>]*selected", page);
        Assert.Contains("\u3000\u3000伊金霍洛旗公安局</option>", WebUtility.HtmlDecode(page));
        Assert.Matches("value=\"150627-103\"[^>]*selected", await client.GetStringAsync("/requests/apply?agency=150627-103"));

        var id = CaptchaId(page);
        var refused = await client.PostAsync("/requests/apply", Form(page, [.. Valid(id, await CaptchaAnswerAsync(fixture.Site.Services, id), "东胜区2025年度交通违法处理统计。")
            .Where(f => f.Item1 != "Input.Agency"), ("Input.Agency", "150602-103")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedHtml = await TextAsync(refused);
        Assert.Contains("所选机关不受理网上申请，请重新选择，或通过信函、当面提交。", refusedHtml);

        id = CaptchaId(refusedHtml);
        var response = await client.PostAsync("/requests/apply", Form(refusedHtml, [.. Valid(id, await CaptchaAnswerAsync(fixture.Site.Services, id), "伊金霍洛旗2025年度户籍办理统计。")
            .Where(f => f.Item1 != "Input.Agency"), ("Input.Agency", "150627-103")]));
        var receipt = await TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<dd id=\"request-agency\">伊金霍洛旗公安局</dd>", receipt);
        var number = RequestNumberRegex().Match(receipt).Groups[1].Value;
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        Assert.Equal("150627-103", await db.Set<InformationRequestRecord>().Where(r => r.Number == number).Select(r => r.AgencyCode).SingleAsync());
    }

    [Fact]
    public async Task Bad_input_is_refused_in_chinese_and_everything_typed_is_kept()
    {
        var client = fixture.Site.CreateClient();
        var page = await client.GetStringAsync("/requests/apply");
        var response = await client.PostAsync("/requests/apply", Form(page,
            ("Input.Kind", "Commercial"), ("Input.Name", "宁夏测试〈商贸〉有限公司"), ("Input.IdNumber", "91110000802100433C"), ("Input.Phone", "12345"),
            ("Input.Address", "银川市金凤区 1 号"), ("Input.Email", "not-an-email"), ("Input.Description", "短"), ("Input.Form", "Paper"), ("Input.Delivery", "Email"),
            ("captchaId", CaptchaId(page)), ("captcha", "")));
        var html = await TextAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("申请未提交，请修改以下", html);
        Assert.Contains("统一社会信用代码校验不通过", html);
        Assert.Contains("请填写联系人姓名。", html);
        Assert.Contains("联系电话格式不正确", html);
        Assert.Contains("电子邮箱格式不正确", html);
        Assert.Contains("所需信息的描述太短", html);
        Assert.Contains("请输入图片中的验证码。", html);
        Assert.Contains("value=\"宁夏测试〈商贸〉有限公司\"", html);
        Assert.Contains("value=\"91110000802100433C\"", html);
        Assert.Contains("value=\"not-an-email\"", html);
        Assert.Contains(">短</textarea>", html);
        Assert.Matches("value=\"Commercial\"[^>]*checked", html);
        Assert.Matches("value=\"Paper\"[^>]*checked", html);
        Assert.NotEqual(CaptchaId(page), CaptchaId(html)); // a new image for the next try
    }

    [Fact]
    public async Task A_wrong_captcha_is_refused_and_cannot_be_tried_again()
    {
        var client = fixture.Site.CreateClient();
        var page = await client.GetStringAsync("/requests/apply");
        var id = CaptchaId(page);
        var answer = await CaptchaAnswerAsync(fixture.Site.Services, id);
        var wrong = await client.PostAsync("/requests/apply", Form(page, Valid(id, answer == "AAAAA" ? "CCCCC" : "AAAAA", "验证码错误时的申请内容")));
        var html = await TextAsync(wrong);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("验证码不正确或已过期", html);
        Assert.Contains("验证码错误时的申请内容", html);

        // The right answer to a challenge already tried is refused too.
        var replay = await client.PostAsync("/requests/apply", Form(page, Valid(id, answer, "重放验证码的申请内容")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<InformationRequestRecord>().AnyAsync(r => r.Description.Contains("重放")));
    }

    [Fact]
    public async Task A_submission_gives_a_receipt_and_the_status_query_shows_only_stage_and_deadline()
    {
        var client = fixture.Site.CreateClient();
        var page = await client.GetStringAsync("/requests/apply");
        var id = CaptchaId(page);
        var response = await client.PostAsync("/requests/apply", Form(page, Valid(id, (await CaptchaAnswerAsync(fixture.Site.Services, id)).ToLowerInvariant(), "永宁县公安局2025年度警用车辆购置经费。")));
        var receipt = await TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore); // "no-cache, no-store", as antiforgery would write it
        Assert.Contains("政府信息公开申请回执", receipt);
        var code = TrackingCodeRegex().Match(receipt).Groups[1].Value;
        Assert.Matches(@"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.DoesNotContain("64012119880105036X", receipt);

        var statusPage = await client.GetStringAsync("/requests/status");
        var found = await TextAsync(await client.PostAsync("/requests/status", Form(statusPage, ("trackingCode", code.ToLowerInvariant().Replace("-", " ")), ("secondFactor", "13909517777"))));
        Assert.Contains("<dd id=\"stage\">办理中</dd>", found);
        Assert.Contains("答复期限", found);
        foreach (var personal in new[] { "欧阳娜娜", "13909517777", "64012119880105036X", "永宁县望远镇", "警用车辆" })
        {
            Assert.DoesNotContain(personal, found);
        }

        Assert.Contains("办理中", await TextAsync(await client.PostAsync("/requests/status", Form(statusPage, ("trackingCode", code), ("secondFactor", "64012119880105036x")))));

        // Wrong phone, wrong code, both wrong: the same answer.
        var answers = new List<string>();
        foreach (var (c, second) in new[] { (code, "13909510000"), ("ZZZZ-ZZZZ-ZZZZ", "13909517777"), ("ZZZZ-ZZZZ-ZZZZ", "13909510000") })
        {
            var wrong = await client.PostAsync("/requests/status", Form(statusPage, ("trackingCode", c), ("secondFactor", second)));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var html = await TextAsync(wrong);
            Assert.DoesNotContain("办理阶段", html);
            answers.Add(NotFoundRegex().Match(html).Value);
            Assert.DoesNotContain(second, html);
        }

        Assert.Single(answers.Distinct());
        Assert.StartsWith("<p class=\"message\" role=\"alert\" id=\"not-found\">未找到", answers[0]);
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_read_any_applicant_data_anywhere()
    {
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var personal = DemoPersonalData();
        Assert.True(personal.Count > 60);

        // 执法公开's parties too: the demo cases' and those of a case registered here (its events in the 台账 and the change feed).
        var parties = Enforcement.PublicEnforcementSupport.DemoPartyData();
        Assert.True(parties.Count >= 20);
        var registered = await Enforcement.PublicEnforcementSupport.RegisterCriminalCaseAsync(fixture.Site.Services, new DateOnly(2026, 11, 2));
        personal = [.. personal, .. parties, .. registered.PersonalData];
        var places = new List<string>
        {
            "/", "/requests", "/requests/apply", "/requests/status", "/catalogue", "/guide", "/sitemap.xml", "/feeds/02.atom",
            "/api/v1/content?pageSize=100", "/api/v1/changes?limit=1000", "/openapi/v1.json",
            "/enforcement", "/enforcement/query", "/ledger/heads", "/search?q=" + Uri.EscapeDataString(registered.Number),
        };
        foreach (var place in places)
        {
            var body = await TextAsync(await client.GetAsync(place));
            foreach (var value in personal)
            {
                Assert.False(body.Contains(value, StringComparison.Ordinal), $"{place} 中出现了申请人信息“{value}”。");
            }
        }

        // Searching for an applicant by name finds nothing (the search echoes only the visitor's own query).
        using (var search = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=马建国")))
        {
            Assert.Equal(0, search.RootElement.GetProperty("total").GetInt32());
            Assert.Empty(search.RootElement.GetProperty("hits").EnumerateArray());
        }

        Assert.Contains("共找到 0 条结果", await client.GetStringAsync("/search?q=马建国"));
        Assert.Contains("共找到 0 条结果", await client.GetStringAsync("/search?q=" + Uri.EscapeDataString(registered.PersonalData[0])));

        // Every office page and download sends the anonymous visitor to the login page.
        foreach (var path in new[] { "/admin/requests", "/admin/requests/2025-0003", "/admin/requests/register", "/admin/requests/reminders",
                     "/admin/requests/statistics", "/admin/requests/2025-0003?handler=letter&document=1" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery);
        }

        // The status query with a real code and a wrong second factor reveals nothing either.
        string code;
        await using (var scope = fixture.Site.Services.CreateAsyncScope())
        {
            code = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<InformationRequestRecord>().Where(r => r.Number == "2025-0003").Select(r => r.TrackingCode).SingleAsync();
        }

        var cookies = fixture.Site.CreateClient();
        var statusPage = await cookies.GetStringAsync("/requests/status");
        var answer = await TextAsync(await cookies.PostAsync("/requests/status", Form(statusPage, ("trackingCode", code), ("secondFactor", "13800000000"))));
        Assert.Contains("未找到", answer);
        Assert.All(personal, value => Assert.DoesNotContain(value, answer));
        Assert.DoesNotContain("已办结", answer);

        // The party's own answer from 警务公开查询 names no one either, not even the party.
        var (partyCode, partyTail) = registered.Parties["victim"];
        var own = await TextAsync(await Enforcement.PublicEnforcementSupport.QueryAsync(cookies, fixture.Site.Services, registered.Number, partyCode, partyTail));
        Assert.Contains("被害人或其家属", own);
        Assert.All(personal, value => Assert.DoesNotContain(value, own));
    }

    [Fact]
    public async Task The_home_page_and_navigation_link_to_the_application_and_the_status_query()
    {
        var home = await fixture.Site.CreateClient().GetStringAsync("/");
        Assert.Contains("<a href=\"/requests\"", home);
        Assert.Contains("href=\"/requests/apply\"", home);
        Assert.Contains("href=\"/requests/status\"", home);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var response = await fixture.Site.CreateClient().PostAsync("/requests/status", new FormUrlEncodedContent(new Dictionary<string, string> { ["trackingCode"] = "X", ["secondFactor"] = "Y" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        // The error page is re-executed with the refused POST's form; a field named "code" must not change its status.
        var withCode = await fixture.Site.CreateClient().PostAsync("/requests/apply", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "X" }));
        Assert.Equal(HttpStatusCode.BadRequest, withCode.StatusCode);
        Assert.Contains("请求有误", await TextAsync(withCode));
    }

    [GeneratedRegex("id=\"tracking-code\">([^<]+)<")]
    private static partial Regex TrackingCodeRegex();

    [GeneratedRegex("<option value=\"([0-9]{6}-[0-9]{3})\"")]
    private static partial Regex AgencyOptionRegex();

    [GeneratedRegex("<dd id=\"request-number\">([^<]+)</dd>")]
    private static partial Regex RequestNumberRegex();

    [GeneratedRegex("<p class=\"message\" role=\"alert\" id=\"not-found\">[^<]*</p>")]
    private static partial Regex NotFoundRegex();
}

/// <summary>The rate limits, on a site of its own with a budget of two applications and two status queries.</summary>
public sealed class RequestRateLimitTests : IAsyncLifetime
{
    private readonly DisclosureSite _site = new(null, DisclosureSite.SetupOnly(new Dictionary<string, string>
    {
        ["Requests:PostPermitLimit"] = "2",
        ["Requests:StatusPermitLimit"] = "2",
    }));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Forged_posts_cost_nothing_and_applications_and_status_queries_have_budgets_of_their_own()
    {
        var client = _site.CreateClient();
        var page = await client.GetStringAsync("/requests/status");

        // Posts that fail the antiforgery check are refused without spending anyone's budget.
        for (var i = 0; i < 5; i++)
        {
            var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Description"] = "伪造的申请", ["trackingCode"] = "AAAA-BBBB-CCCC" });
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/requests/apply", forged)).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/requests/status", forged)).StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/requests/status", Form(page, ("trackingCode", "AAAA-BBBB-CCCC"), ("secondFactor", "13800000000")))).StatusCode);
        }

        var limited = await client.PostAsync("/requests/status", Form(page, ("trackingCode", "AAAA-BBBB-CCCC"), ("secondFactor", "13800000000")));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("操作过于频繁", await TextAsync(limited));

        // The status queries are used up; the application budget is untouched (an incomplete form: 422, not 429).
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync("/requests/apply", Form(page))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/requests/apply", Form(page))).StatusCode);
    }
}
