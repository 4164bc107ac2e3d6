using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Disclosure.Contents.Rendering;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Web.Tests.Requests;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Web.Tests.Operations;

/// <summary>The security headers on every kind of response, Markdown that cannot style the page, and public URLs that ignore a forged Host.</summary>
[Collection(PublishingSiteGroup.Name)]
public sealed partial class SecurityTests(SiteFixture fixture)
{
    private readonly HttpClient _client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/", false)]
    [InlineData("/content/yongning-2017-implementation-plan", false)]
    [InlineData("/no-such-page", false)]
    [InlineData("/api/v1/content", false)]
    [InlineData("/_content/Disclosure.Themes.Default/site.css", false)]
    [InlineData("/admin/login", true)]
    [InlineData("/admin", true)]
    public async Task Every_response_carries_the_security_headers(string path, bool admin)
    {
        var response = await _client.GetAsync(path);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("style-src 'self'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions);
        Assert.Contains("microphone=()", permissions);
        Assert.Contains("geolocation=()", permissions);
        if (admin)
        {
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        }
        else
        {
            Assert.Contains("frame-ancestors 'self'", policy);
        }
    }

    [Fact]
    public async Task Only_the_read_only_preview_may_be_framed_and_only_by_the_admin_itself()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var preview = await office.GetAsync("/admin/content/yongning-2017-implementation-plan/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("frame-ancestors 'self'", Header(preview, "Content-Security-Policy"));
        Assert.Equal("SAMEORIGIN", Header(preview, "X-Frame-Options"));

        var details = await office.GetAsync("/admin/content/yongning-2017-implementation-plan");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Header(details, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(details, "X-Frame-Options"));
    }

    [Fact]
    public void Markdown_attributes_and_html_styles_never_reach_the_output()
    {
        const string payload = "通知正文。{style=\"position:fixed;top:0;left:0;width:100%;height:100%\" .takeover onclick=\"alert(1)\"}\n\n" +
                               "## 标题 {#top style=\"color:red\" .takeover}\n\n[链接](https://example.gov.cn){style=\"position:fixed\" onmouseover=\"alert(1)\"}";
        var html = MarkdownRenderer.ToHtml(payload);
        Assert.DoesNotMatch(AttributeRegex(), html);
        Assert.Contains("通知正文。", html);
        Assert.Contains("<a href=\"https://example.gov.cn\">链接</a>", html);

        var sanitised = MarkdownRenderer.SanitizeHtml("<p style=\"position:fixed\" class=\"takeover\" onclick=\"alert(1)\">文字</p><style>body{display:none}</style>");
        Assert.Equal("<p>文字</p>", sanitised);
    }

    [Fact]
    public async Task A_published_body_with_generic_attributes_shows_no_style_on_the_page()
    {
        string id;
        using (var scope = fixture.Site.Services.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var body = "请注意本公告。{style=\"position:fixed;top:0;left:0;width:100%;height:100%;background:#fff\" .takeover}\n\n伪造的通知 {style=\"position:fixed\"}";
            var version = await manager.CreateAsync("Disclosure", SampleContent.Notice("带属性的公告正文测试", body: body), "editor");
            id = (await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().ContentItems.SingleAsync(i => i.Id == version.ItemId)).ContentItemId;
            await manager.PublishAsync(id, null, "office", SampleContent.PublishedAt);
        }

        var html = await _client.GetStringAsync($"/content/{id}");
        Assert.Contains("请注意本公告。", html);
        // What is left of the attribute block is text; no element of the page has a style or the injected class.
        Assert.DoesNotMatch("<[^>]*\\sstyle\\s*=", html);
        Assert.DoesNotMatch("<[^>]*class=\"[^\"]*takeover", html);
    }

    [Theory]
    [InlineData("/sitemap.xml")]
    [InlineData("/feeds/02.03.atom")]
    [InlineData("/content/yongning-2017-implementation-plan")]
    [InlineData("/content/yongning-2017-implementation-plan/qr.svg")]
    public async Task A_forged_host_header_never_becomes_a_public_url(string path)
    {
        var forged = await _client.GetAsync("http://evil.example" + path);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        var text = await forged.Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.example", text);
        if (path.EndsWith(".svg", StringComparison.Ordinal))
        {
            // The QR code encodes the URL as modules, not text: it must be the very image the real host gets.
            Assert.Equal(await _client.GetStringAsync(path), text);
        }
        else
        {
            Assert.Contains("http://localhost/", text);
        }
    }

    [Fact]
    public async Task A_host_in_site_allowed_hosts_is_used_under_its_own_name()
    {
        await using var site = new DisclosureSite(null, DisclosureSite.SetupOnly(new Dictionary<string, string>
        {
            ["Site:AllowedHosts:0"] = "*.yongning.gov.cn",
        }));
        var client = site.CreateClient();
        Assert.Contains("http://www.yongning.gov.cn/", await client.GetStringAsync("http://www.yongning.gov.cn/sitemap.xml"));
        var forged = await client.GetStringAsync("http://evil.example/sitemap.xml");
        Assert.DoesNotContain("evil.example", forged);
        Assert.Contains("http://localhost/", forged);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} 缺少 {name}");

    [GeneratedRegex("""<[^>]*\s(style|class|on[a-z]+)\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex AttributeRegex();
}

/// <summary>Page numbers that overflow or make no sense answer 400 with a zh-CN page or problem details, on SQLite and PostgreSQL.</summary>
public sealed class PagingOverflowTests
{
    public static TheoryData<DatabaseProvider> Engines => Disclosure.Storage.Tests.Infrastructure.Engines.All;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Overflowing_page_numbers_answer_400_on_every_paged_endpoint(DatabaseProvider engine)
    {
        await using var site = await DisclosureSite.DemoAsync(engine);
        var client = site.CreateClient(new() { AllowAutoRedirect = false });

        string[] pages =
        [
            "/catalogue?page=99999999999", "/catalogue?page=2147483647", "/catalogue/02.03?page=2147483647", "/catalogue?page=-3",
            "/types/Disclosure?page=2147483647", "/credit/licences?page=2147483647", "/credit/penalties?q=%E6%B0%B8&page=2147483647",
            "/search?q=%E5%85%AC%E5%BC%80&page=2147483647", "/catalogue?page=abc",
        ];
        foreach (var url in pages)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
            Assert.Contains("请求有误", await HtmlForms.TextAsync(response));
        }

        string[] api =
        [
            "/api/v1/content?page=99999999999", "/api/v1/content?page=2147483647&pageSize=100", "/api/v1/content?pageSize=99999999999",
            "/api/v1/credit/licences?page=2147483647&pageSize=100", "/api/v1/credit/penalties?page=99999999999",
            "/api/v1/search?q=%E5%85%AC%E5%BC%80&page=2147483647&pageSize=100",
        ];
        foreach (var url in api)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("查询参数有误", problem.GetProperty("title").GetString());
            Assert.True(problem.GetProperty("errors").EnumerateObject().Any(), url);
        }

        // The deepest page allowed still runs on the database (an empty page, not an error).
        var deepest = await client.GetAsync($"/api/v1/content?page={Disclosure.Core.Paging.PageLimits.MaxPage}&pageSize=100");
        Assert.Equal(HttpStatusCode.OK, deepest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/credit/penalties?page={Disclosure.Core.Paging.PageLimits.MaxPage}&pageSize=100")).StatusCode);
    }
}

/// <summary>Bodies no form sends — too large, cut short, thousands of fields — get 413/400 with a zh-CN page and a warning in the log.</summary>
public sealed class MalformedFormTests : IAsyncLifetime
{
    private readonly DisclosureSite _site = new(null, DisclosureSite.SetupOnly(new Dictionary<string, string>
    {
        ["Limits:MaxRequestBodyBytes"] = "65536",
        ["Requests:PostPermitLimit"] = "10000",
        ["Requests:StatusPermitLimit"] = "10000",
    }));

    private readonly RecordingLoggerProvider _log = new();
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _host = _site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(_log)));
        _ = _host.Server;
        await Staff.EnsureAsync(_host.Services);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        var client = _host.CreateClient();
        var page = await client.GetStringAsync("/requests/status");
        var response = await client.PostAsync("/requests/status", HtmlForms.Form(page, ("trackingCode", new string('A', 100_000)), ("secondFactor", "1")));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("提交的内容过大", await HtmlForms.TextAsync(response));
        Assert.Contains(_log.Warnings, w => w.Contains("413", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_multipart_body_cut_short_gets_400()
    {
        var client = _host.CreateClient();
        var page = await client.GetStringAsync("/requests/apply");
        var token = Staff.Token(page);
        var body = $"--XYZ\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--XYZ\r\nContent-Disposition: form-data; name=\"Input.Description\"\r\n\r\n申请公开的内容被截";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=XYZ");
        var response = await client.PostAsync("/requests/apply", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求有误", await HtmlForms.TextAsync(response));
        Assert.Contains(_log.Warnings, w => w.Contains("/requests/apply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Thousands_of_fields_get_400_on_public_and_admin_forms()
    {
        var client = _host.CreateClient();
        var page = await client.GetStringAsync("/requests/status");
        var flood = Enumerable.Range(0, 5000).Select(i => ($"f{i}", "x")).ToArray();
        var response = await client.PostAsync("/requests/status", HtmlForms.Form(page, flood));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求有误", await HtmlForms.TextAsync(response));

        var secrecy = await Staff.SignedInAsync(_host, "secrecy");
        var keywords = await secrecy.GetStringAsync("/admin/keywords");
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Staff.Token(keywords)) };
        fields.AddRange(flood.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        var admin = await secrecy.PostAsync("/admin/keywords", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
        Assert.Contains("请求有误", await HtmlForms.TextAsync(admin));
        Assert.Contains(_log.Warnings, w => w.Contains("/admin/keywords", StringComparison.Ordinal));
    }

    /// <summary>Keeps the warnings the host logs, to check that refused bodies are logged.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyCollection<string> Warnings => _warnings;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                {
                    owner._warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
