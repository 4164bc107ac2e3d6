using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Site.Theming;

/// <summary>
/// Looks for public-site views in the active theme first. Every theme is a Razor class library whose views sit
/// under <c>/Themes/{Name}/Views/{Controller}/{Action}.cshtml</c>, so several themes can be compiled into the host
/// at once and configuration alone decides which one is used.
/// </summary>
public sealed class ThemeViewLocationExpander : IViewLocationExpander
{
    private const string ThemeKey = "theme";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        // The theme is part of the view-lookup cache key, so a change of configuration takes effect on reload.
        var options = context.ActionContext.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<ThemeOptions>>();
        context.Values[ThemeKey] = options.CurrentValue.Theme;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(ThemeKey, out var theme) && !string.IsNullOrEmpty(theme))
        {
            yield return ThemePaths.Views(theme) + "/{1}/{0}.cshtml";
            yield return ThemePaths.Views(theme) + "/Shared/{0}.cshtml";
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }
}

/// <summary>Where a theme keeps its views inside its Razor class library.</summary>
public static class ThemePaths
{
    public static string Views(string theme) => $"/Themes/{theme}/Views";

    public static string View(string theme, string controller, string action) => $"{Views(theme)}/{controller}/{action}.cshtml";
}
