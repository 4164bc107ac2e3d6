using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.Extensions.Options;

namespace Disclosure.Site.Theming;

/// <summary>
/// Fails the start with a clear message when the configured theme is not compiled into the host, rather than
/// serving every public page as a 500.
/// </summary>
public static class ThemeCheck
{
    public static void EnsureInstalled(IServiceProvider services)
    {
        var theme = services.GetService(typeof(IOptions<ThemeOptions>)) is IOptions<ThemeOptions> options ? options.Value.Theme : "Default";
        var installed = InstalledThemes(services);
        if (!installed.Contains(theme, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"配置的主题“{theme}”未安装。已安装的主题：{(installed.Count == 0 ? "无" : string.Join("、", installed))}。请检查 Site:Theme 设置。");
        }
    }

    /// <summary>Themes found in the compiled views: every <c>/Themes/{Name}/Views/Shared/_Layout.cshtml</c>.</summary>
    public static IReadOnlyList<string> InstalledThemes(IServiceProvider services)
    {
        var parts = (ApplicationPartManager)services.GetService(typeof(ApplicationPartManager))!;
        var feature = new ViewsFeature();
        parts.PopulateFeature(feature);
        return feature.ViewDescriptors
            .Select(d => d.RelativePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => s.Length == 5 && s[0] == "Themes" && s[2] == "Views" && s[3] == "Shared" && s[4] == "_Layout.cshtml")
            .Select(s => s[1])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
