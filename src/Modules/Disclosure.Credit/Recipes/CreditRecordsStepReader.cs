using Disclosure.Core.Recipes;
using Disclosure.Credit.Models;
namespace Disclosure.Credit.Recipes;

/// <summary>
/// The <c>CreditRecords</c> step: CSV files of 双公示 records, in the import format, beside the recipe.
/// <code>
/// { "name": "CreditRecords", "licences": "../content/credit/licences.csv", "penalties": "../content/credit/penalties.csv",
///   "publishAfterWorkingDays": 2 }
/// </code>
/// The files are read when the step is applied (streaming, like an upload); here only their presence is checked.
/// </summary>
public sealed class CreditRecordsStepReader : IRecipeStepReader
{
    public const string CreditRecordsStepName = "CreditRecords";

    public string StepName => CreditRecordsStepName;

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors) => ReadCreditRecords(step, recipeFile);

    /// <summary>The 双公示 deadlines and terms set in the recipe's settings.</summary>
    public IEnumerable<(string Setting, string Message)> CheckSettings(IReadOnlyDictionary<string, string> settings)
    {
        var errors = new List<(string Setting, string Message)>();
        CreditPolicy.FromSettings(settings, errors);
        return errors;
    }

    private const int MaxPublishAfterWorkingDays = 30;

    private static CreditRecordsStep? ReadCreditRecords(JsonCursor step, string recipeFile)
    {
        var folder = System.IO.Path.GetDirectoryName(recipeFile)!;
        string? File(string property)
        {
            if (step.String(property) is not { } relative)
            {
                return null;
            }

            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, relative));
            if (!System.IO.File.Exists(path))
            {
                step.Property(property)!.Value.Error($"文件“{path}”不存在。");
                return null;
            }

            return path;
        }

        var licences = File("licences");
        var penalties = File("penalties");
        if (step.Property("licences") is null && step.Property("penalties") is null)
        {
            step.Error("CreditRecords 步骤至少要给出 licences 或 penalties 文件之一。");
        }

        var days = step.Number("publishAfterWorkingDays");
        if (days is not null && (days < 0 || days > MaxPublishAfterWorkingDays || days != decimal.Truncate(days.Value)))
        {
            step.Property("publishAfterWorkingDays")!.Value.Error($"publishAfterWorkingDays 应为 0 到 {MaxPublishAfterWorkingDays} 之间的整数。");
            days = null;
        }

        return new CreditRecordsStep(step.Path, licences, penalties, days is null ? null : (int)days.Value) { Agency = step.String("agency") };
    }
}

/// <summary>
/// Imports 双公示 records from CSV files in the import format (the demo recipe's content/credit/ files). Rows already in the
/// database are skipped, so applying the recipe again changes nothing. With <see cref="PublishAfterWorkingDays"/> the
/// records that may go public are published, dated that many working days after their decision.
/// </summary>
public sealed record CreditRecordsStep(string Path, string? LicencesFile, string? PenaltiesFile, int? PublishAfterWorkingDays) : RecipeStep(Path)
{
    /// <summary>The agency whose decisions these are (its code); null for the installation's own.</summary>
    public string? Agency { get; init; }
}
