using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.PublicSite;

/// <summary>
/// A module with public controllers holds its default views; a theme renders them in its own layout and overrides
/// any of them with its own copy under <c>Themes/{Theme}/Views/{Controller}/</c>.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed class ThemeOverrideTests(SiteFixture fixture)
{
    /// <summary>The test theme's assembly (tests/Disclosure.Themes.Probe), which the host does not compile in.</summary>
    private const string ProbeTheme = "Disclosure.Themes.Probe";

    [Fact]
    public void The_public_views_of_Requests_and_Credit_are_compiled_into_their_modules_not_the_default_theme()
    {
        var views = CompiledViews(fixture.Site.Services);
        Assert.Equal("Disclosure.Requests", views["/Views/Requests/Index.cshtml"]);
        Assert.Equal("Disclosure.Requests", views["/Views/Requests/Apply.cshtml"]);
        Assert.Equal("Disclosure.Credit", views["/Views/Credit/Search.cshtml"]);
        Assert.DoesNotContain(views.Keys, path => path.StartsWith("/Themes/Default/Views/Requests/", StringComparison.Ordinal));
        Assert.DoesNotContain(views.Keys, path => path.StartsWith("/Themes/Default/Views/Credit/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_default_theme_the_module_s_view_renders_in_the_theme_s_layout()
    {
        var html = await fixture.Site.CreateClient().GetStringAsync("/requests");
        Assert.Contains("<h1>依申请公开</h1>", html);
        Assert.Contains("/_content/Disclosure.Themes.Default/site.css", html);
        Assert.DoesNotContain("data-theme=\"probe\"", html);
    }

    [Fact]
    public async Task A_theme_s_own_view_wins_and_the_module_s_other_views_wear_that_theme_s_layout()
    {
        await using var site = await DisclosureSite.DemoAsync(settings: new Dictionary<string, string> { ["Site:Theme"] = "Probe" });
        await using var probe = site.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddMvcCore().ConfigureApplicationPartManager(manager =>
            {
                // As the host adds every theme it references: the assembly's controllers part and its compiled views.
                var assembly = Assembly.Load(ProbeTheme);
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    manager.ApplicationParts.Add(part);
                }
            })));
        var client = probe.CreateClient();

        var overridden = await client.GetStringAsync("/requests");
        Assert.Contains("data-view=\"probe-requests-index\"", overridden);
        Assert.Contains("data-theme=\"probe\"", overridden);

        // Not overridden by Probe: the module's default view, in Probe's layout rather than the default theme's.
        var status = await client.GetStringAsync("/requests/status");
        Assert.Contains("<h1>申请办理进度查询</h1>", status);
        Assert.Contains("data-theme=\"probe\"", status);
        Assert.DoesNotContain("Disclosure.Themes.Default", status);
    }

    /// <summary>Every compiled view's path, with the assembly it was compiled into.</summary>
    private static Dictionary<string, string> CompiledViews(IServiceProvider services)
    {
        var feature = new ViewsFeature();
        services.GetRequiredService<ApplicationPartManager>().PopulateFeature(feature);
        return feature.ViewDescriptors
            .Where(d => d.Type is not null)
            .GroupBy(d => d.RelativePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(d => d.Type!.Assembly.GetName().Name)), StringComparer.Ordinal);
    }
}
