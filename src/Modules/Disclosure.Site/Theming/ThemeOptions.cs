namespace Disclosure.Site.Theming;

/// <summary>Which theme renders the public site (<c>Site:Theme</c> in configuration).</summary>
public sealed class ThemeOptions
{
    public const string SectionName = "Site";

    /// <summary>The theme's name: its views live under <c>/Themes/{Theme}/Views</c> in its Razor class library.</summary>
    public string Theme { get; set; } = "Default";
}
