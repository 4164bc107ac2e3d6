using Disclosure.Core.Organisation;
using Disclosure.Core.Recipes;
using Disclosure.Modules;

namespace Disclosure.DataGenerator;

/// <summary>
/// The demo office the generated corpus is published by: the settings and agencies of <c>recipes/demo.json</c>
/// without its content. A generated database is set up with <c>setup.json</c> and this, since the setup recipe
/// itself names no agency (a real office's comes from configuration).
/// </summary>
public static class DemoOrganisation
{
    public const string RecipeName = "demo-organisation";

    public static Recipe Read(string recipesFolder) =>
        InstalledModules.ReadRecipe(Path.Combine(recipesFolder, "demo.json")).Only(RecipeName, s => s is SettingsStep or AgenciesStep);

    public static IReadOnlyList<AgencyDefinition> Agencies(string recipesFolder) =>
        Read(recipesFolder).Steps.OfType<AgenciesStep>().SelectMany(s => s.Agencies).ToList();
}
