namespace Disclosure.Web.Setup;

/// <summary>First-start settings, bound from the "Setup" configuration section.</summary>
public sealed class SetupOptions
{
    public const string SectionName = "Setup";

    public static readonly IReadOnlyList<string> DefaultRecipes = ["setup.json", "demo.json"];

    /// <summary>
    /// Recipe files applied on first start, relative to <see cref="RecipesFolder"/>; empty means
    /// <see cref="DefaultRecipes"/>. Set only "setup.json" for a site without demo content. (No default items
    /// here: configuration binding appends to a list instead of replacing it.)
    /// </summary>
    public List<string> Recipes { get; set; } = [];

    public IReadOnlyList<string> EffectiveRecipes => Recipes.Count > 0 ? Recipes : DefaultRecipes;

    /// <summary>Where recipes are read from; by default the copy shipped beside the application.</summary>
    public string? RecipesFolder { get; set; }

    public string AdminUserName { get; set; } = "admin";

    /// <summary>The first administrator's password; when empty one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}
