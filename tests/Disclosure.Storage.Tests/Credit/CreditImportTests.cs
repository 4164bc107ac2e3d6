using Disclosure.Core.Tables;
using Disclosure.Core.Tests.Credit;
using Disclosure.Core.Text;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Credit;

/// <summary>Bulk import of 双公示 records: the dry run's report, all-or-nothing, and export → import round trips.</summary>
public sealed class CreditImportTests
{
    private const string Today = "2026-11-23";

    private static async Task<TestDatabase> DatabaseAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At(Today));
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task<CreditImportResult> ImportAsync(TestDatabase database, CreditRecordKind kind, byte[] file, CreditImportOptions? options = null) =>
        database.InScopeAsync(sp => sp.GetRequiredService<CreditImporter>().ImportAsync(kind, () => CreditSamples.CsvReader(file), "测试.csv", "office", options));

    private static Task<ImportReport> DryRunAsync(TestDatabase database, CreditRecordKind kind, byte[] file) =>
        database.InScopeAsync(async sp =>
        {
            using var reader = CreditSamples.CsvReader(file);
            return await sp.GetRequiredService<CreditImporter>().DryRunAsync(kind, reader);
        });

    private static Task<int> CountAsync(TestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            return await db.Set<CreditLicenceRecord>().CountAsync() + await db.Set<CreditPenaltyRecord>().CountAsync();
        });

    /// <summary>One bad row per case, each a different mistake an office makes; the row before it is valid.</summary>
    public static TheoryData<string, CreditRecordKind, Action<Dictionary<string, string?>>, ImportProblemKind, string> BadRows => new()
    {
        { "缺少必填项", CreditRecordKind.Penalty, r => r[CreditFields.ViolationFacts] = " ", ImportProblemKind.MissingValue, "违法事实" },
        { "日期格式错误", CreditRecordKind.Penalty, r => r[CreditFields.DecisionDate] = "2026-02-30", ImportProblemKind.BadDate, "处罚决定日期" },
        { "决定日期晚于今天", CreditRecordKind.Licence, r => (r[CreditFields.DecisionDate], r[CreditFields.ValidFrom]) = ("2026-11-24", "2026-11-24"), ImportProblemKind.FutureDate, "许可决定日期" },
        { "统一社会信用代码校验位错误", CreditRecordKind.Licence, r => r[CreditFields.CreditCode] = CreditSamples.CreditCode("91640121MA76X2K3Q")[..17] + "0", ImportProblemKind.BadCreditCode, "统一社会信用代码" },
        { "机关信用代码错误", CreditRecordKind.Penalty, r => r[CreditFields.AuthorityCreditCode] = "11640121MB1570283K", ImportProblemKind.BadCreditCode, "处罚机关统一社会信用代码" },
        { "身份证校验位错误", CreditRecordKind.Penalty, r => r[CreditFields.IdNumber] = CreditSamples.PersonId[..17] + (CreditSamples.PersonId[17] == '1' ? "2" : "1"), ImportProblemKind.BadIdNumber, "证件号码" },
        { "未知的处罚类别", CreditRecordKind.Penalty, r => r[CreditFields.PenaltyCategories] = "罚款、训诫", ImportProblemKind.UnknownOption, "处罚类别" },
        { "未知的许可类别", CreditRecordKind.Licence, r => r[CreditFields.LicenceCategory] = "特殊", ImportProblemKind.UnknownOption, "许可类别" },
        { "金额为负数", CreditRecordKind.Penalty, r => r[CreditFields.FineAmount] = "-0.05", ImportProblemKind.NegativeAmount, "罚款金额（万元）" },
        { "金额超过 6 位小数", CreditRecordKind.Penalty, r => r[CreditFields.FineAmount] = "0.0500001", ImportProblemKind.TooManyDecimals, "罚款金额（万元）" },
        { "金额不是数字", CreditRecordKind.Penalty, r => r[CreditFields.FineAmount] = "五百元", ImportProblemKind.BadAmount, "罚款金额（万元）" },
        { "有效期至早于有效期自", CreditRecordKind.Licence, r => r[CreditFields.ValidUntil] = "2026-06-14", ImportProblemKind.DateOrder, "有效期至" },
        { "文件内决定书文号重复", CreditRecordKind.Penalty, r => r[CreditFields.DecisionNumber] = "永公（杨）行罚决字[2026]100号", ImportProblemKind.DuplicateInFile, "行政处罚决定书文号" },
        { "与数据库中已有记录重复", CreditRecordKind.Penalty, r => r[CreditFields.DecisionNumber] = "永公(杨)行罚决字〔2026〕001号", ImportProblemKind.DuplicateInDatabase, "行政处罚决定书文号" },
        { "文字超长", CreditRecordKind.Penalty, r => r[CreditFields.PartyName] = new string('张', 201), ImportProblemKind.TooLong, "行政相对人名称" },
        { "自然人填了信用代码", CreditRecordKind.Penalty, r => r[CreditFields.CreditCode] = CreditSamples.CreditCode("91640121MA76X2K3Q"), ImportProblemKind.PartyMismatch, "统一社会信用代码" },
        { "法人用了个体工商户的代码", CreditRecordKind.Licence, r => r[CreditFields.CreditCode] = CreditSamples.CreditCode("92640121MA76X2K3Q"), ImportProblemKind.PartyMismatch, "统一社会信用代码" },
        { "罚款却无罚款金额", CreditRecordKind.Penalty, r => r[CreditFields.FineAmount] = null, ImportProblemKind.MissingRelated, "罚款金额（万元）" },
        { "公示截止期超出期限", CreditRecordKind.Penalty, r => r[CreditFields.PublicationEnd] = "2028-06-15", ImportProblemKind.PeriodOutOfRange, "公示截止期" },
        { "是否栏填错", CreditRecordKind.Penalty, r => r[CreditFields.PartyIsMinor] = "不是", ImportProblemKind.UnknownOption, "当事人为未成年人" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task The_dry_run_reports_each_kind_of_bad_row_with_its_row_and_column_and_nothing_is_imported(
        string description, CreditRecordKind kind, Action<Dictionary<string, string?>> spoil, ImportProblemKind expected, string column)
    {
        await using var database = await DatabaseAsync(DatabaseProvider.Sqlite);
        var sample = kind == CreditRecordKind.Licence ? (Func<string, Dictionary<string, string?>>)(n => CreditSamples.Licence(n)) : n => CreditSamples.Penalty(n);
        var set = CreditFields.For(kind);

        // Something already in the database, for the duplicate case.
        Assert.Equal(1, (await ImportAsync(database, kind, CreditSamples.Csv(set, [sample(kind == CreditRecordKind.Licence ? "永公(治)许字〔2026〕第001号" : "永公(杨)行罚决字〔2026〕001号")]))).Imported);

        var bad = sample(kind == CreditRecordKind.Licence ? "永公(治)许字〔2026〕第101号" : "永公(杨)行罚决字〔2026〕101号");
        spoil(bad);
        var file = CreditSamples.Csv(set, [sample(kind == CreditRecordKind.Licence ? "永公(治)许字〔2026〕第100号" : "永公(杨)行罚决字〔2026〕100号"), bad]);

        var report = await DryRunAsync(database, kind, file);
        var problem = Assert.Single(report.Problems);
        Assert.Equal((3, column, expected), (problem.Row, problem.Column, problem.Kind));
        Assert.False(string.IsNullOrWhiteSpace(problem.Message), description);
        Assert.Equal((2, 1), (report.Rows, report.BadRows));

        var result = await ImportAsync(database, kind, file);
        Assert.Equal(0, result.Imported);
        Assert.Equal(expected, Assert.Single(result.Report.Problems).Kind);
        Assert.Equal(1, await CountAsync(database));
    }

    [Fact]
    public async Task A_header_that_is_not_the_standards_is_reported_before_any_row()
    {
        await using var database = await DatabaseAsync(DatabaseProvider.Sqlite);
        var labels = CreditFields.Penalty.Labels.Where(l => l != "违法事实").Append("联系电话").ToList();
        var file = System.Text.Encoding.UTF8.GetBytes(string.Join(",", labels) + "\r\n" + string.Join(",", labels.Select(_ => "x")) + "\r\n");
        var report = await DryRunAsync(database, CreditRecordKind.Penalty, file);
        Assert.Equal(
            [(1, "联系电话", ImportProblemKind.UnknownColumn), (1, "违法事实", ImportProblemKind.MissingColumn)],
            report.Problems.Select(p => (p.Row, p.Column, p.Kind)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task One_bad_row_among_many_imports_nothing_and_the_corrected_file_imports_everything(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        var rows = Enumerable.Range(1, 60).Select(i => CreditSamples.Penalty($"永公(杨)行罚决字〔2026〕{i:000}号")).ToList();
        rows[41][CreditFields.IdNumber] = "640121198804170000";
        rows[57][CreditFields.DecisionDate] = "2026-12-01";
        var result = await ImportAsync(database, CreditRecordKind.Penalty, CreditSamples.Csv(CreditFields.Penalty, rows));
        Assert.Equal([(43, ImportProblemKind.BadIdNumber), (59, ImportProblemKind.FutureDate)], result.Report.Problems.Select(p => (p.Row, p.Kind)));
        Assert.Equal((0, 0), (result.Imported, await CountAsync(database)));

        rows[41][CreditFields.IdNumber] = CreditSamples.PersonId;
        rows[57][CreditFields.DecisionDate] = "2026-11-20";
        result = await ImportAsync(database, CreditRecordKind.Penalty, CreditSamples.Csv(CreditFields.Penalty, rows));
        Assert.True(result.Report.IsClean);
        Assert.Equal((60, 60), (result.Imported, await CountAsync(database)));

        // Imported as drafts of one batch, with one ledger entry for the file.
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Assert.True(await db.Set<CreditPenaltyRecord>().AllAsync(r => r.Status == CreditRecordStatus.Draft && r.ImportBatch == result.Batch));
            var entry = await db.Ledger.SingleAsync(e => e.Action == Disclosure.Credit.Services.CreditLedgerActions.CreditImport);
            Assert.Contains("导入 60 条（草稿）（文件 测试.csv", entry.Detail);
        });
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_export_imports_again_unchanged_as_csv_in_either_encoding(DatabaseProvider engine)
    {
        await using var source = await DatabaseAsync(engine);
        var penalties = Varied().ToList();
        Assert.Equal(penalties.Count, (await ImportAsync(source, CreditRecordKind.Penalty, CreditSamples.Csv(CreditFields.Penalty, penalties))).Imported);
        Assert.Equal(1, (await ImportAsync(source, CreditRecordKind.Licence, CreditSamples.Csv(CreditFields.Licence, [CreditSamples.Licence()]))).Imported);

        foreach (var kind in new[] { CreditRecordKind.Penalty, CreditRecordKind.Licence })
        {
            var exported = await ExportAsync(source, kind);
            foreach (var encoding in new[] { CsvTableWriter.Utf8WithBom, Gb18030.Strict })
            {
                await using var target = await DatabaseAsync(engine);
                var file = ToCsv(CreditExporter.Headers(kind), exported, encoding);
                var result = await ImportAsync(target, kind, file);
                Assert.True(result.Report.IsClean, string.Join("\n", result.Report.Problems));
                Assert.Equal(exported.Count, result.Imported);
                Assert.Equal(exported.Select(r => string.Join("|", r)), (await ExportAsync(target, kind)).Select(r => string.Join("|", r)));
            }
        }
    }

    [Fact]
    public async Task Skipping_existing_rows_makes_a_second_import_change_nothing()
    {
        await using var database = await DatabaseAsync(DatabaseProvider.Sqlite);
        var file = CreditSamples.Csv(CreditFields.Penalty, [CreditSamples.Penalty("A-1"), CreditSamples.Penalty("A-2")]);
        var options = new CreditImportOptions { SkipExisting = true };
        Assert.Equal(2, (await ImportAsync(database, CreditRecordKind.Penalty, file, options)).Imported);
        var again = await ImportAsync(database, CreditRecordKind.Penalty, file, options);
        Assert.Equal((0, 2, true), (again.Imported, again.Report.Skipped, again.Report.IsClean));
        Assert.Equal(2, await CountAsync(database));
    }

    /// <summary>Penalties of every party kind and severity, with amounts, flags and an explicit 公示截止期.</summary>
    private static IEnumerable<Dictionary<string, string?>> Varied()
    {
        var person = CreditSamples.Penalty("永公(杨)行罚决字〔2026〕201号");
        yield return person;

        var minor = CreditSamples.Penalty("永公(杨)行罚决字〔2026〕202号");
        minor[CreditFields.IdNumber] = CreditSamples.ResidentId("640121", new DateOnly(2010, 3, 3), 15);
        minor[CreditFields.PenaltyCategories] = "警告";
        minor[CreditFields.FineAmount] = null;
        minor[CreditFields.Severity] = "轻微";
        yield return minor;

        var business = CreditSamples.Penalty("永公(治)行罚决字〔2026〕203号");
        business[CreditFields.PartyName] = "永宁县望洪镇兴旺烟花爆竹零售点";
        business[CreditFields.PartyKind] = "个体工商户";
        business[CreditFields.CreditCode] = CreditSamples.CreditCode("92640121MA7B3C4D5");
        business[CreditFields.LegalRepresentative] = "杨兴旺";
        business[CreditFields.IdType] = null;
        business[CreditFields.IdNumber] = null;
        business[CreditFields.PenaltyCategories] = "罚款、没收非法财物";
        business[CreditFields.FineAmount] = "0.3";
        business[CreditFields.ConfiscatedAmount] = "0.128456";
        business[CreditFields.Severity] = "严重";
        business[CreditFields.PublicationEnd] = "2028-06-15";
        business[CreditFields.InvolvesSecrets] = "是";
        business[CreditFields.Remarks] = "=当事人已缴纳罚款";
        yield return business;

        var company = CreditSamples.Penalty("永公(消)行罚决字〔2026〕204号");
        company[CreditFields.PartyName] = "宁夏永宁鑫源化工有限公司";
        company[CreditFields.PartyKind] = "法人及非法人组织";
        company[CreditFields.CreditCode] = CreditSamples.CreditCode("91640121MA76X2K3Q");
        company[CreditFields.LegalRepresentative] = "何志军";
        company[CreditFields.IdType] = null;
        company[CreditFields.IdNumber] = null;
        company[CreditFields.PenaltyCategories] = "罚款、暂扣许可证件";
        company[CreditFields.FineAmount] = "2";
        company[CreditFields.SuspendedLicence] = "易制爆危险化学品从业单位备案证明 宁公易爆备字〔2024〕17号";
        company[CreditFields.PenaltyValidUntil] = "2026-12-15";
        company[CreditFields.ViolationFacts] = "该公司未如实记录易制爆危险化学品的流向，\r\n\"销售台账\"缺失三个月。";
        yield return company;
    }

    private static Task<List<string?[]>> ExportAsync(TestDatabase database, CreditRecordKind kind) =>
        database.InScopeAsync(async sp =>
        {
            var rows = new List<string?[]>();
            await foreach (var row in sp.GetRequiredService<CreditExporter>().RowsAsync(kind))
            {
                rows.Add(row);
            }

            return rows;
        });

    private static byte[] ToCsv(IReadOnlyList<string> headers, IEnumerable<string?[]> rows, System.Text.Encoding encoding) =>
        CsvTableWriter.ToBytes(rows.Prepend([.. headers]), encoding: encoding);
}
