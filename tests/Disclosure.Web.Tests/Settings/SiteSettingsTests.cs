using System.Net;
using Disclosure.Storage;
using Disclosure.Storage.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Settings;

/// <summary>A site started with setup.json only and its identity from configuration, as a real office starts it.</summary>
public sealed class SetupOnlySiteFixture : IAsyncLifetime
{
    private readonly DisclosureSite _site = new(null, DisclosureSite.SetupOnly(new Dictionary<string, string>
    {
        ["Site:Identity:WebsiteCode"] = "6401210099",
        ["Site:Identity:IcpNumber"] = "宁ICP备26000001号-1",
        ["Site:Identity:PoliceRecordNumber"] = "宁公网安备 64012102000999号",
        ["Site:Identity:Sponsor"] = "测试县公安局",
    }));

    public DisclosureSite Site => _site;

    public async Task InitializeAsync()
    {
        _ = _site.Server; // starts the host, which runs setup and seeds the identity
        await Staff.EnsureAsync(_site.Services);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();
}

/// <summary>
/// 站点设置 over HTTP: a setup-only site lists exactly its own agency everywhere, the footer carries the configured
/// marks, the page is the 管理员's, every change reaches the 台账 and the footer, bad input is refused in zh-CN.
/// </summary>
public sealed class SiteSettingsTests(SetupOnlySiteFixture fixture) : IClassFixture<SetupOnlySiteFixture>
{
    private static readonly string[] DemoAgencies = ["永宁县", "伊金霍洛旗", "西安市公安局", "徐州市民政局", "内蒙古自治区公安厅"];

    [Fact]
    public async Task A_setup_only_site_lists_exactly_its_own_agency_and_departments_in_admin_and_public()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var draft = WebUtility.HtmlDecode(await editor.GetStringAsync("/admin/content/new?type=Disclosure"));
        var admin = await AdminAsync();
        var users = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users"));
        var anonymous = fixture.Site.CreateClient();
        var publicPages = string.Join("\n", await Task.WhenAll(
            anonymous.GetStringAsync("/"), anonymous.GetStringAsync("/search?q=公安"), anonymous.GetStringAsync("/catalogue"), anonymous.GetStringAsync("/requests")));

        Assert.Contains("测试县公安局", draft);
        Assert.Contains("测试县公安局 · 指挥中心", users);
        Assert.Contains("测试县公安局 · 办公室", users);
        // Every department choice is one of the office's own (another test may have added one).
        Assert.All(System.Text.RegularExpressions.Regex.Matches(users, "<option value=\"[^\"]+\"[^>]*>([^<]+) · ").Select(m => m.Groups[1].Value), a => Assert.Equal("测试县公安局", a));
        foreach (var page in new[] { draft, users, WebUtility.HtmlDecode(publicPages) })
        {
            Assert.All(DemoAgencies, name => Assert.DoesNotContain(name, page));
        }

        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        Assert.Equal(["测试县公安局"], await db.Agencies.Select(a => a.Name).ToListAsync());
    }

    [Fact]
    public async Task The_footer_shows_the_configured_website_code_and_record_links()
    {
        var home = await fixture.Site.CreateClient().GetStringAsync("/");

        Assert.Contains("网站标识码：6401210099", home);
        Assert.Contains("主办单位：测试县公安局", home);
        Assert.Contains("<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\" data-record=\"icp\">宁ICP备26000001号-1</a>", home);
        Assert.Contains("href=\"https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=64012102000999\"", home);
        // 联系我们 is not configured here, so it is left out rather than shown empty.
        Assert.DoesNotContain("联系我们", home);
    }

    [Fact]
    public async Task Only_the_administrator_may_open_the_settings()
    {
        foreach (var user in new[] { "editor", "office", "leader" })
        {
            var client = await Staff.SignedInAsync(fixture.Site, user);
            var response = await client.GetAsync("/admin/settings");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
        }

        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/settings")).StatusCode);
        // Without the antiforgery token nothing is saved.
        var forged = await admin.PostAsync("/admin/settings", new FormUrlEncodedContent(new Dictionary<string, string> { ["Values[WebsiteCode]"] = "0000000000" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_change_is_in_the_ledger_with_old_and_new_and_shows_in_the_footer_at_once()
    {
        var anonymous = fixture.Site.CreateClient();
        Assert.Contains("网站标识码：6401210099", await anonymous.GetStringAsync("/catalogue"));
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/admin/settings");

        var saved = await admin.PostAsync("/admin/settings", Form(page, Fields(page, ("Values[WebsiteCode]", "640121A001"), ("Values[ContactEmail]", "gkb@example.gov.cn"))));
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var footer = await anonymous.GetStringAsync("/catalogue");
            Assert.Contains("网站标识码：640121A001", footer);
            Assert.Contains("mailto:gkb@example.gov.cn", footer);
            await using var scope = fixture.Site.Services.CreateAsyncScope();
            var entry = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger
                .Where(e => e.Action == SettingsLedgerActions.SettingsChanged).OrderBy(e => e.Sequence).LastAsync();
            Assert.Equal("admin", entry.Actor);
            Assert.Contains("网站标识码：6401210099 → 640121A001", entry.Detail);
            Assert.Contains("联系我们：电子邮箱：（空） → gkb@example.gov.cn", entry.Detail);
        }
        finally
        {
            // The other tests of this class read the configured marks.
            var again = await admin.GetStringAsync("/admin/settings");
            await admin.PostAsync("/admin/settings", Form(again, Fields(again, ("Values[WebsiteCode]", "6401210099"), ("Values[ContactEmail]", ""))));
        }
    }

    [Fact]
    public async Task Bad_settings_get_zh_CN_messages_and_nothing_is_saved()
    {
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/admin/settings");
        int Entries()
        {
            using var scope = fixture.Site.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger.Count();
        }

        var before = Entries();
        var refused = await admin.PostAsync("/admin/settings", Form(page, Fields(page,
            ("Values[CreditCode]", "11640121MB1570283K"), ("Values[AreaCode]", "6401"), ("Values[IndexNumberFormat]", "{area}/{year}"), ("Values[SiteName]", "改了也不保存"))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var text = await TextAsync(refused);
        Assert.Contains("设置未保存", text);
        Assert.Contains("统一社会信用代码校验位错误：按 GB 32100 应为“J”，实为“K”。", text);
        Assert.Contains("行政区划代码应为 6 位数字，如 640121。", text);
        Assert.Contains("必须包含且只包含一个流水号占位符", text);
        Assert.Equal(before, Entries());
        Assert.DoesNotContain("改了也不保存", await fixture.Site.CreateClient().GetStringAsync("/"));
    }

    [Fact]
    public async Task Departments_can_be_added_and_renamed_and_appear_in_the_user_form()
    {
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/admin/settings");
        var added = await admin.PostAsync("/admin/settings?handler=addDepartment", Form(page, ("code", "fzdd"), ("name", "法制大队")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var duplicate = await admin.PostAsync("/admin/settings?handler=addDepartment", Form(page, ("code", "fzdd"), ("name", "重复")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("部门代码“fzdd”已存在。", await TextAsync(duplicate));

        Assert.Contains("测试县公安局 · 法制大队", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users")));
    }

    private async Task<HttpClient> AdminAsync()
    {
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", Form(login, ("UserName", "admin"), ("Password", "Test-Admin-2026!")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Every field of the settings form as it stands on the page, with some replaced.</summary>
    private static (string Name, string Value)[] Fields(string page, params (string Name, string Value)[] changes)
    {
        var fields = System.Text.RegularExpressions.Regex.Matches(page, "name=\"(Values\\[[A-Za-z]+\\])\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return fields.Select(f => (f.Key, f.Value)).ToArray();
    }
}
