using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Disclosure.Site.Caching;
using Disclosure.Web.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// The anonymous fast path (<see cref="AnonymousFastPath"/>): a rendered public page is answered again from memory in
/// the coding the request accepts, with its validators, 304 when they match, and never to a signed-in user.
/// </summary>
[Collection(PublishingSiteGroup.Name)]
public sealed class AnonymousFastPathTests(SiteFixture fixture)
{
    private readonly HttpClient _client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });

    private PublicPageCache Cache => fixture.Site.Services.GetRequiredService<PublicPageCache>();

    [Fact]
    public async Task A_rendered_page_is_sent_again_from_memory_in_the_coding_the_request_accepts()
    {
        var path = UniquePath();
        var rendered = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        var html = await rendered.Content.ReadAsByteArrayAsync();
        Assert.Empty(rendered.Content.Headers.ContentEncoding);

        var hits = Cache.Hits;
        var brotli = await GetAsync(path, "gzip, deflate, br");
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        var brotliBytes = await brotli.Content.ReadAsByteArrayAsync();
        Assert.Equal(brotliBytes.Length, brotli.Content.Headers.ContentLength);
        Assert.True(brotliBytes.Length < html.Length / 2, $"br {brotliBytes.Length} bytes of {html.Length}");
        Assert.Equal(html, Decode(brotliBytes, stream => new BrotliStream(stream, CompressionMode.Decompress)));

        var gzip = await GetAsync(path, "br;q=0, gzip");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(html, Decode(await gzip.Content.ReadAsByteArrayAsync(), stream => new GZipStream(stream, CompressionMode.Decompress)));

        var anyButBrotli = await GetAsync(path, "br;q=0, *");
        Assert.Equal(["gzip"], anyButBrotli.Content.Headers.ContentEncoding);

        foreach (var acceptEncoding in new[] { null, "identity", "br;q=0, gzip;q=0", "deflate" })
        {
            var plain = await GetAsync(path, acceptEncoding);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Equal(html, await plain.Content.ReadAsByteArrayAsync());
            Assert.Equal(html.Length, plain.Content.Headers.ContentLength);
        }

        Assert.Equal(hits + 7, Cache.Hits);

        // Every answer from memory carries what the rendered one did: validators, caching rules, type, security headers.
        foreach (var answer in new[] { brotli, gzip })
        {
            Assert.Equal(rendered.Headers.ETag, answer.Headers.ETag);
            Assert.Equal(rendered.Content.Headers.LastModified, answer.Content.Headers.LastModified);
            Assert.Equal("public, no-cache", answer.Headers.CacheControl!.ToString());
            Assert.Contains("Accept-Encoding", answer.Headers.Vary);
            Assert.Equal("text/html; charset=utf-8", answer.Content.Headers.ContentType!.ToString());
            Assert.Equal(SecurityHeaders.PublicContentSecurityPolicy, answer.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(answer.Headers.Contains("Set-Cookie"));
        }
    }

    [Fact]
    public async Task Conditional_requests_are_answered_304_without_a_body_and_HEAD_without_one_either()
    {
        var path = UniquePath();
        var rendered = await _client.GetAsync(path);
        var etag = rendered.Headers.ETag!;
        var lastModified = rendered.Content.Headers.LastModified!.Value;

        var hits = Cache.Hits;
        var byTag = new HttpRequestMessage(HttpMethod.Get, path);
        byTag.Headers.IfNoneMatch.Add(etag);
        var notModified = await _client.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(byDate)).StatusCode);

        // An older date or another tag gets the page.
        var older = new HttpRequestMessage(HttpMethod.Get, path);
        older.Headers.IfModifiedSince = lastModified.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(older)).StatusCode);
        var otherTag = new HttpRequestMessage(HttpMethod.Get, path);
        otherTag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"1.1-20200101-old-font-medium-000000000000\"", isWeak: true));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(otherTag)).StatusCode);

        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal((await rendered.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Equal(hits + 5, Cache.Hits);
    }

    [Fact]
    public async Task A_signed_in_user_or_an_api_client_is_never_answered_from_memory_nor_given_validators()
    {
        var path = UniquePath();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(path)).StatusCode);
        var hits = Cache.Hits;

        await Staff.EnsureAsync(fixture.Site.Services);
        var staff = await Staff.SignedInAsync(fixture.Site, "office");
        var signedIn = await staff.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Null(signedIn.Headers.ETag);

        var bearer = new HttpRequestMessage(HttpMethod.Get, path);
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "dspat_not-a-token");
        var client = await _client.SendAsync(bearer);
        Assert.Null(client.Headers.ETag);

        Assert.Equal(hits, Cache.Hits);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(path)).StatusCode);
        Assert.Equal(hits + 1, Cache.Hits);
    }

    [Fact]
    public async Task A_missing_page_is_not_kept_and_still_shows_the_error_page()
    {
        var stored = Cache.Stored;
        for (var i = 0; i < 2; i++)
        {
            var missing = await _client.GetAsync($"/content/no-such-item-{Guid.NewGuid():n}"[..40]);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("页面不存在", await missing.Content.ReadAsStringAsync());
        }

        var sameMissing = "/content/no-such-item-twice";
        await _client.GetAsync(sameMissing);
        var again = await _client.GetAsync(sameMissing);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("页面不存在", await again.Content.ReadAsStringAsync());
        Assert.Equal(stored, Cache.Stored);
    }

    [Fact]
    public async Task A_response_with_its_own_caching_rules_or_a_cookie_is_sent_as_it_is_and_not_kept()
    {
        // The QR code says the browser may keep it a day: its rules, not the page cache's.
        var qr = "/content/yongning-2017-implementation-plan/qr.svg";
        var stored = Cache.Stored;
        for (var i = 0; i < 2; i++)
        {
            var answer = await _client.GetAsync(qr);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("public, max-age=86400", answer.Headers.CacheControl!.ToString());
        }

        Assert.Equal(stored, Cache.Stored);

        // A cookie set on the way out (by a module, a filter, a proxy in process) is never handed to another
        // visitor; a body some component has compressed already is not compressed again nor sent as it is.
        await using var site = fixture.Site.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddTransient<IStartupFilter, HeaderOnTheWayOut>()));
        var client = site.CreateClient();
        var cache = site.Services.GetRequiredService<PublicPageCache>();
        stored = cache.Stored;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(UniquePath())).StatusCode);
        Assert.Equal(stored + 1, cache.Stored);

        foreach (var (header, value) in HeaderOnTheWayOut.Headers)
        {
            var path = $"{UniquePath()}&{HeaderOnTheWayOut.Query}={header}";
            for (var i = 0; i < 2; i++)
            {
                var answer = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Contains(value, answer.Headers.Concat(answer.Content.Headers).Single(h => h.Key == header).Value);
            }
        }

        Assert.Equal(stored + 1, cache.Stored);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return _client.SendAsync(request);
    }

    // A query the page ignores makes a key no other test has used, so the first request renders.
    private static string UniquePath() => $"/catalogue?from={Guid.NewGuid():n}";

    private static byte[] Decode(byte[] bytes, Func<Stream, Stream> decoder)
    {
        using var output = new MemoryStream();
        using (var stream = decoder(new MemoryStream(bytes)))
        {
            stream.CopyTo(output);
        }

        return output.ToArray();
    }
}

/// <summary>
/// Adds a header on the way out of a request whose query names it, after everything else has run: a cookie, or a
/// Content-Encoding as if something had compressed the body.
/// </summary>
internal sealed class HeaderOnTheWayOut : IStartupFilter
{
    public const string Query = "probe-header";

    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["Set-Cookie"] = "probe=1; path=/",
        ["Content-Encoding"] = "gzip",
    };

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, inner) =>
        {
            if (context.Request.Query[Query].ToString() is { Length: > 0 } header && Headers.TryGetValue(header, out var value))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[header] = value;
                    return Task.CompletedTask;
                });
            }

            return inner(context);
        });
        next(app);
    };
}

/// <summary>Concurrent misses of one page: the first renders it, the others are handed its result.</summary>
public sealed class PublicPageCacheTests
{
    [Fact]
    public async Task The_first_miss_renders_and_the_others_wait_for_its_page()
    {
        using var cache = new PublicPageCache(Microsoft.Extensions.Options.Options.Create(new PublicCacheOptions()));
        Assert.True(cache.TryLead("k", out _));
        Assert.False(cache.TryLead("k", out var waiting));
        Assert.False(waiting.IsCompleted);
        Assert.True(cache.TryLead("other", out _));

        var page = new CachedPage { StatusCode = 200, Headers = [], Body = [1, 2, 3], Validators = null! };
        cache.Finish("k", page);
        Assert.Same(page, await waiting);

        // Once finished, the next miss renders again (the page was kept or refused by then).
        Assert.True(cache.TryLead("k", out _));
    }
}

/// <summary>What the fast path may answer is judged before the agency's site is resolved, on the path after /a/{code}.</summary>
public sealed class PublicPathsTests
{
    [Theory]
    [InlineData("GET", "/content/x", true)]
    [InlineData("HEAD", "/catalogue", true)]
    [InlineData("POST", "/content/x", false)]
    [InlineData("GET", "/search", false)]
    [InlineData("GET", "/a/150627-103/search", false)]
    [InlineData("GET", "/a/150627-103/interviews/1/live.json", false)]
    [InlineData("GET", "/a/150627-103/content/x", true)]
    [InlineData("GET", "/a/150627-103", true)]
    [InlineData("GET", "/admin/content", false)]
    public void Excluded_paths_are_excluded_on_an_agency_site_too(string method, string path, bool cacheable)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        Assert.Equal(cacheable, PublicPaths.IsCacheableRequest(context.Request));
    }
}
