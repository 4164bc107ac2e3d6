using Disclosure.Core.Tables;
using Disclosure.Credit.PowerList;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Credit;

/// <summary>The 权力清单 (办事指南 items) as a table: export, import, and the all-or-nothing check.</summary>
public sealed class PowerListTests
{
    private static Task<(IReadOnlyList<string> Headers, IReadOnlyList<string?[]> Rows)> ExportAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<PowerListExporter>().ExportAsync());

    private static Task<PowerListImportResult> ImportAsync(TestDatabase database, byte[] file) =>
        database.InScopeAsync(sp => sp.GetRequiredService<PowerListImporter>().ImportAsync(() => CsvTableReader.Open(new MemoryStream(file)), "权力清单.csv", "editor", "hzs"));

    private static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<string?[]> rows) => CsvTableWriter.ToBytes(rows.Prepend([.. headers]));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_demo_power_list_exports_and_imports_into_another_site_unchanged(DatabaseProvider engine)
    {
        await using var demo = await TestDatabase.CreateDemoAsync(engine);
        var (headers, rows) = await ExportAsync(demo);
        Assert.Contains("事项编码", headers);
        Assert.Contains("事项名称", headers);
        Assert.Contains("在线办理（地址）", headers);
        Assert.True(rows.Count >= 5, $"only {rows.Count} power-list items in the demo");

        await using var fresh = await TestDatabase.CreateAsync(engine);
        await fresh.ApplySetupAndDemoOfficeAsync();
        var result = await ImportAsync(fresh, Csv(headers, rows));
        Assert.True(result.Report.IsClean, string.Join("\n", result.Report.Problems));
        Assert.Equal(rows.Count, result.Created.Count);
        Assert.Equal(rows.Select(r => string.Join("|", r)), (await ExportAsync(fresh)).Rows.Select(r => string.Join("|", r)));

        // Imported as drafts of the importing department, to be reviewed like any other item.
        await fresh.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Assert.True(await db.ContentItems.Where(i => i.ContentType == global::Disclosure.Credit.PowerList.PowerList.ContentType).AllAsync(i => i.DepartmentCode == "hzs" && i.IndexNumber == null));
        });

        // Importing the same file again: every 事项编码 already exists, nothing is added.
        var again = await ImportAsync(fresh, Csv(headers, rows));
        Assert.Equal(rows.Count, again.Report.Problems.Count(p => p.Kind == ImportProblemKind.DuplicateInDatabase));
        Assert.Empty(again.Created);
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_row_and_column_and_nothing_is_imported()
    {
        await using var demo = await TestDatabase.CreateDemoAsync(DatabaseProvider.Sqlite);
        var (headers, rows) = await ExportAsync(demo);
        await using var fresh = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await fresh.ApplySetupAndDemoOfficeAsync();

        int Col(string label) => headers.ToList().IndexOf(label);
        var bad = rows.Take(4).Select(r => r.ToArray()).ToList();
        bad[1][Col("事项名称")] = null;
        bad[2][Col("是否收费")] = "收";
        bad[3][Col("事项编码")] = bad[0][Col("事项编码")];
        var result = await ImportAsync(fresh, Csv(headers, bad));
        Assert.Equal(
            [(3, "事项名称"), (4, "是否收费"), (5, "事项编码")],
            result.Report.Problems.Select(p => (p.Row, p.Column)).Distinct());
        Assert.Equal(ImportProblemKind.DuplicateInFile, result.Report.Problems.Last().Kind);
        Assert.Empty(result.Created);
        Assert.Equal(0, await fresh.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.CountAsync()));
    }
}
