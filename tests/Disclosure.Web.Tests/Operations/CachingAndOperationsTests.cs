using System.Net;
using System.Net.Http.Headers;
using Disclosure.Contents.Review;
using Disclosure.Core.Security;
using Disclosure.Site.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Operations;

/// <summary>Conditional requests and the page cache follow the change log; health endpoints; the public rate limit.</summary>
[Collection(PublishingSiteGroup.Name)]
public sealed class CachingAndOperationsTests(SiteFixture fixture)
{
    private readonly HttpClient _client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task An_unchanged_page_answers_304_and_a_withdrawal_changes_the_page_and_its_etag_at_once()
    {
        const string id = "rd-2019-hotel-security-notice";
        var first = await _client.GetAsync($"/content/{id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.NotNull(first.Content.Headers.LastModified);

        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync($"/content/{id}", etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync("/api/v1/content?type=RegulatoryDocument", etag)).StatusCode);

        // Warm the cache, then withdraw on this node: the very next request must see it.
        Assert.DoesNotContain("该信息已撤回", await _client.GetStringAsync($"/content/{id}"));
        using (var scope = fixture.Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowService>()
                .WithdrawAsync(id, new Actor("office", new HashSet<string> { Core.Security.RoleNames.InformationOffice }), "该通知内容已并入新规定。");
        }

        var after = await GetAsync($"/content/{id}", etag);
        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Contains("该通知内容已并入新规定。", await after.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, (await _client.GetAsync($"/api/v1/content/{id}")).StatusCode);
    }

    [Fact]
    public async Task Reader_preferences_get_their_own_validator()
    {
        var plain = await _client.GetAsync("/catalogue");
        var request = new HttpRequestMessage(HttpMethod.Get, "/catalogue");
        request.Headers.Add("Cookie", "disclosure.reader=large.contrast");
        var large = await _client.SendAsync(request);
        Assert.NotEqual(plain.Headers.ETag, large.Headers.ETag);
        Assert.Contains("class=\"font-large high-contrast\"", await large.Content.ReadAsStringAsync());
        Assert.DoesNotContain("high-contrast", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_pages_are_never_cached_or_validated()
    {
        var response = await _client.GetAsync("/admin/login");
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        Assert.Equal("ok", await _client.GetStringAsync("/health/live"));
        Assert.Equal("ready", await _client.GetStringAsync("/health/ready"));
    }

    private Task<HttpResponseMessage> GetAsync(string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return _client.SendAsync(request);
    }
}

/// <summary>Anonymous requests beyond the configured rate get a zh-CN 429 with Retry-After; staff and health checks do not.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private DisclosureSite _site = null!;

    [Fact]
    public async Task An_address_over_its_burst_is_told_to_slow_down()
    {
        var client = _site.CreateClient();
        var cache = _site.Services.GetRequiredService<PublicPageCache>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/catalogue")).StatusCode);
        }

        // The first rendered the page; the next two were answered from memory and took their permits all the same.
        Assert.Equal(2, cache.Hits);
        var refused = await client.GetAsync("/catalogue");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("操作过于频繁，请稍后再试。", await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    public async Task InitializeAsync() => _site = await DisclosureSite.DemoAsync(settings: new Dictionary<string, string>
    {
        ["RateLimiting:PermitsPerMinute"] = "6",
        ["RateLimiting:Burst"] = "3",
    });

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}
