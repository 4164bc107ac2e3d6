using System.Net;
using Disclosure.Contents.Review.Models;
using Disclosure.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary>Every admin page refuses whoever lacks its role, and every form needs its antiforgery token.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class AdminAuthorizationTests(SiteFixture fixture)
{
    /// <summary>Every admin page route, found from the app's own endpoints so a new page cannot be forgotten here.</summary>
    private async Task<List<string>> AdminRoutesAsync()
    {
        using var scope = fixture.Site.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().ContentItems.Select(i => i.ContentItemId).FirstAsync();
        return fixture.Site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/admin", StringComparison.Ordinal) && r is not "/admin/login" and not "/admin/denied" and not "/admin/logout")
            .Select(r => r.Replace("{id}", id).Replace("{id?}", id).Replace("{id:long}", "1").Replace("{id:long?}", "1"))
            .Distinct()
            .ToList();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_from_every_admin_page()
    {
        var routes = await AdminRoutesAsync();
        Assert.True(routes.Count >= 9, $"expected every admin page, found: {string.Join(", ", routes)}");
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var route in routes)
        {
            var response = await client.GetAsync(route + (route.EndsWith("/new", StringComparison.Ordinal) ? "?type=Disclosure" : null));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route} answered {(int)response.StatusCode}");
            Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_signed_in_user_without_any_role_is_refused_everywhere()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "norole");
        foreach (var route in await AdminRoutesAsync())
        {
            var response = await client.GetAsync(route + (route.EndsWith("/new", StringComparison.Ordinal) ? "?type=Disclosure" : null));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/admin/denied", StringComparison.Ordinal),
                $"{route} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Theory]
    [InlineData("editor", "/admin/ledger")]
    [InlineData("editor", "/admin/keywords")]
    [InlineData("editor", "/admin/users")]
    [InlineData("leader", "/admin/content/new?type=Disclosure")]
    [InlineData("secrecy", "/admin/users")]
    [InlineData("office", "/admin/keywords")]
    [InlineData("head", "/admin/ledger")]
    [InlineData("office", "/admin/users/editor")]
    [InlineData("leader", "/admin/users/editor")]
    [InlineData("office", "/admin/agencies")]
    [InlineData("editor", "/admin/agencies/150627-103")]
    public async Task Pages_for_one_role_refuse_the_others(string user, string route)
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, user);
        var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("office", "/admin/ledger")]
    [InlineData("secrecy", "/admin/keywords")]
    [InlineData("editor", "/admin/content/new?type=ServiceGuide")]
    [InlineData("head", "/admin")]
    [InlineData("editor", "/admin/account")]
    [InlineData("sysadmin", "/admin/agencies")]
    [InlineData("sysadmin", "/admin/agencies/150602-103")]
    public async Task Pages_open_for_their_role(string user, string route)
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, user);
        var response = await client.GetAsync(route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_rejected()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "secrecy");
        var response = await client.PostAsync("/admin/keywords?handler=add", new FormUrlEncodedContent(new Dictionary<string, string> { ["Keyword"] = "无令牌" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var scope = fixture.Site.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<SecrecyKeywordRecord>().AnyAsync(k => k.Keyword == "无令牌"));
    }

    [Fact]
    public async Task Workflow_actions_check_the_role_behind_the_page()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        // The 领导 may open every item (no department isolation for the role) but withdrawing is the 公开办's act.
        var client = await Staff.SignedInAsync(fixture.Site, "leader");
        using var scope = fixture.Site.Services.CreateScope();
        var published = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().ContentVersions
            .Where(v => v.Status == Disclosure.Core.ContentManagement.ContentStatus.Published).Select(v => v.Item.ContentItemId).FirstAsync();
        var page = await client.GetStringAsync($"/admin/content/{published}");
        var response = await client.PostAsync($"/admin/content/{published}?handler=withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Reason"] = "领导试图撤回",
            ["__RequestVerificationToken"] = Staff.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("只有公开办可以撤回", await response.Content.ReadAsStringAsync());
    }
}
