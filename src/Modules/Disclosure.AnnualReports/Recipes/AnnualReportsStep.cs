using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.AnnualReports.Data;
using Disclosure.Core.Recipes;
using Disclosure.Storage;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.AnnualReports.Recipes;

/// <summary>Annual reports brought from another site (its export's <c>annual-reports.json</c>).</summary>
public sealed record AnnualReportsStep(string Path, string SourceFile, IReadOnlyList<JsonObject> Reports) : RecipeStep(Path);

/// <summary>
/// The <c>AnnualReports</c> step: <c>{ "name": "AnnualReports", "source": "annual-reports.json" }</c>, a file
/// <c>{ "annualReports": [ { "AgencyCode": "…", "Year": 2025, "FormatYear": 2025, "Overview": "…", "FiguresJson": "…", … } ] }</c>
/// as the export writes it (the columns of the AnnualReports table by name). Agency and year are the key: applying the
/// step again adds only reports not yet present.
/// </summary>
public sealed class AnnualReportsStepReader : IRecipeStepReader
{
    public string StepName => "AnnualReports";

    public RecipeStep? Read(JsonCursor step, string recipeFile, List<RecipeError> errors)
    {
        var source = step.String("source", required: true);
        if (source is null)
        {
            return null;
        }

        var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(recipeFile)!, source));
        if (!File.Exists(file))
        {
            step.Property("source")!.Value.Error($"年度报告数据文件“{file}”不存在。");
            return null;
        }

        using var document = RecipeReader.Parse(file, errors);
        if (document is null)
        {
            return null;
        }

        var root = new JsonCursor(document.RootElement, "$", file, errors);
        var reports = new List<JsonObject>();
        var keys = new HashSet<(string, int)>();
        foreach (var node in root.Array("annualReports", required: true))
        {
            if (!node.RequireObject())
            {
                continue;
            }

            var agency = node.String("AgencyCode", required: true);
            var year = node.Number("Year");
            node.String("Overview", required: true);
            node.String("FiguresJson", required: true);
            if (year is not { } y || y != decimal.Truncate(y) || y < 2000 || y > 2100)
            {
                node.Error("Year 应为年度，例如 2025。");
                continue;
            }

            if (agency is not null && !keys.Add((agency, (int)y)))
            {
                node.Error($"机构“{agency}”{y}年度的报告重复。");
                continue;
            }

            reports.Add(JsonNode.Parse(node.Element.GetRawText())!.AsObject());
        }

        return new AnnualReportsStep(step.Path, file, reports);
    }
}

internal sealed class AnnualReportsStepHandler(DisclosureDbContext db) : RecipeStepHandler<AnnualReportsStep>
{
    protected override async Task ApplyAsync(AnnualReportsStep step, CancellationToken cancellationToken)
    {
        var agencies = (await db.Agencies.Select(a => a.Code).ToListAsync(cancellationToken)).ToHashSet();
        var existing = (await db.Set<AnnualReportRecord>().Select(r => new { r.AgencyCode, r.Year }).ToListAsync(cancellationToken))
            .Select(r => (r.AgencyCode, r.Year)).ToHashSet();
        foreach (var node in step.Reports)
        {
            var report = node.DeepClone().AsObject();
            report.Remove("Id");
            // A fresh stamp: the old site's edits are not this site's.
            report["ConcurrencyStamp"] = Guid.NewGuid().ToString("n");
            var record = report.Deserialize<AnnualReportRecord>()!;
            if (!agencies.Contains(record.AgencyCode))
            {
                throw new RecipeException([new RecipeError(step.SourceFile, "$.annualReports", $"年度报告的机构“{record.AgencyCode}”不存在。")]);
            }

            if (existing.Add((record.AgencyCode, record.Year)))
            {
                db.Set<AnnualReportRecord>().Add(record);
            }
        }
    }
}
