using Disclosure.Core.Recipes;
using Disclosure.Storage.Setup;

namespace Disclosure.Supervision.Coverage;

/// <summary>
/// The <c>StatuteCoverage</c> recipe step: how the 目录 covers 条例第二十条, for the installation or one agency.
/// <code>
/// { "name": "StatuteCoverage", "agency": "640121-103",
///   "items": [ { "item": 1, "classes": ["02.01", "02.02"] }, { "item": 4, "notApplicable": "本机关不承担统计调查职能。" } ] }
/// </code>
/// Items left out are unset (the coverage view flags them). Class codes are checked against the 目录 when applied.
/// </summary>
public sealed class StatuteCoverageStepReader : IRecipeStepReader
{
    public const string Name = "StatuteCoverage";

    public string StepName => Name;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var items = new Dictionary<int, CoverageEntry>();
        foreach (var item in step.Array("items", required: true))
        {
            var number = item.Number("item");
            if (number is not { } n || n != decimal.Truncate(n) || n < 1 || n > StatuteItems.All.Count || items.ContainsKey((int)n))
            {
                item.Error("item 应为 1 到 15 之间的整数（条例第二十条的项），且每项只出现一次。");
                continue;
            }

            var classes = item.Property("classes") is null ? [] : item.StringArray("classes");
            var reason = item.String("notApplicable");
            if (classes.Count == 0 && string.IsNullOrWhiteSpace(reason))
            {
                item.Error("应给出 classes（对应的目录分类）或 notApplicable（不适用的理由）。");
            }

            items[(int)n] = new CoverageEntry(classes, reason);
        }

        return new StatuteCoverageStep(step.Path, step.String("agency"), items);
    }
}

public sealed record StatuteCoverageStep(string Path, string? Agency, IReadOnlyDictionary<int, CoverageEntry> Items) : RecipeStep(Path);

/// <summary>Applies a <see cref="StatuteCoverageStep"/> through <see cref="CoverageStore"/>: checked as an edit is, but as set-up, outside the 台账.</summary>
internal sealed class StatuteCoverageStepHandler(CoverageStore store) : RecipeStepHandler<StatuteCoverageStep>
{
    protected override async Task ApplyAsync(StatuteCoverageStep step, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(step.Agency, step.Items, RecipeExecutor.ImportUser, recordInLedger: false, cancellationToken);
        }
        catch (CoverageValidationException ex)
        {
            throw new RecipeException(ex.Problems.Select(p => new RecipeError(string.Empty, step.Path, p)).ToList());
        }
    }
}
