using Disclosure.Core.Recipes;
using Disclosure.Core.Tables;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage.Setup;

namespace Disclosure.Credit.Recipes;

/// <summary>Applies a <see cref="CreditRecordsStep"/>: imports its CSV files as the setup user, skipping rows already present.</summary>
internal sealed class CreditRecordsStepHandler(CreditImporter credit) : RecipeStepHandler<CreditRecordsStep>
{
    protected override async Task ApplyAsync(CreditRecordsStep step, CancellationToken cancellationToken)
    {
        var options = new CreditImportOptions { SkipExisting = true, PublishAfterWorkingDays = step.PublishAfterWorkingDays, AgencyCode = step.Agency };
        foreach (var (kind, file) in new[] { (CreditRecordKind.Licence, step.LicencesFile), (CreditRecordKind.Penalty, step.PenaltiesFile) })
        {
            if (file is null)
            {
                continue;
            }

            var result = await credit.ImportAsync(kind, () => CsvTableReader.Open(File.OpenRead(file)), Path.GetFileName(file), RecipeExecutor.ImportUser, options, cancellationToken);
            if (!result.Report.IsClean)
            {
                throw new RecipeException(result.Report.Problems.Select(p => new RecipeError(file, $"第 {p.Row} 行「{p.Column}」", p.Message)).ToList());
            }
        }
    }
}
