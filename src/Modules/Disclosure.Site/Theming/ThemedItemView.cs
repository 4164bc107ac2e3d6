using Disclosure.Contents.Items;
using Microsoft.Extensions.Options;

namespace Disclosure.Site.Theming;

/// <summary>An item page as the public site shows it: the active theme's <c>Content/Show</c> view.</summary>
internal sealed class ThemedItemView(IOptionsMonitor<ThemeOptions> theme) : IPublicItemView
{
    public string ViewPath => ThemePaths.View(theme.CurrentValue.Theme, "Content", "Show");
}
