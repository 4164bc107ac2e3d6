namespace Disclosure.Web.Setup;

/// <summary>First-start settings, bound from the "Setup" configuration section.</summary>
public sealed class SetupOptions
{
    public const string SectionName = "Setup";

    /// <summary>Recipe files applied on first start, relative to <see cref="RecipesFolder"/>. Drop "demo.json" for an empty site.</summary>
    public List<string> Recipes { get; set; } = ["setup.json", "demo.json"];

    /// <summary>Where recipes are read from; by default the copy shipped beside the application.</summary>
    public string? RecipesFolder { get; set; }

    public string AdminUserName { get; set; } = "admin";

    /// <summary>The first administrator's password; when empty one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}
