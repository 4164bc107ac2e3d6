namespace Disclosure.Core.Recipes;

/// <summary>
/// Reads a recipe step that belongs to a module (依申请公开's <c>Requests</c>, 双公示's <c>CreditRecords</c> …): the
/// kernel reads its own steps and hands a step with this <see cref="StepName"/> to the module that registered it.
/// </summary>
public interface IRecipeStepReader
{
    /// <summary>The step's <c>name</c> in the recipe file.</summary>
    string StepName { get; }

    /// <summary>The parsed step, or null with the problems recorded in <paramref name="errors"/>.</summary>
    RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors);

    /// <summary>Problems in the site settings this module reads (a <c>Settings</c> step's values), checked with the recipe.</summary>
    IEnumerable<(string Setting, string Message)> CheckSettings(IReadOnlyDictionary<string, string> settings) => [];
}
