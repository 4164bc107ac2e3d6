using Disclosure.Core.Tables;
using Disclosure.Core.Tests.Credit;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Credit;

/// <summary>
/// The three 双公示 points of the statute audit (issue #21): the national template's code-column headers, a withdrawn
/// record's public notice (行政处罚法 第四十八条), and a blank 失信严重程度 refused rather than taken for 一般.
/// </summary>
public sealed class CreditStatuteAuditTests
{
    private static async Task<TestDatabase> DatabaseAsync(DatabaseProvider engine, string today = "2026-11-23")
    {
        var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At(today));
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task<CreditImportResult> ImportAsync(TestDatabase database, CreditRecordKind kind, byte[] file) =>
        database.InScopeAsync(sp => sp.GetRequiredService<CreditImporter>().ImportAsync(kind, () => CreditSamples.CsvReader(file), "国家模板.csv", "office", null));

    /// <summary>A CSV whose six code columns are headed as the national upload template heads them.</summary>
    private static byte[] NationalTemplateCsv(CreditFieldSet set, IEnumerable<IReadOnlyDictionary<string, string?>> rows)
    {
        var positions = CreditFields.PartyCodes.Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i + 1);
        // One header with half-width brackets, as a spreadsheet typed by hand has it: it is the same column.
        var headers = set.Fields.Select(f => positions.TryGetValue(f.Key, out var n)
            ? n == 3 ? $"行政相对人代码_3(组织机构代码)" : CreditFields.NationalCodeHeader(n, f.Label)
            : f.Label).ToList();
        return CsvTableWriter.ToBytes(rows.Select(row => set.Fields.Select(f => row.GetValueOrDefault(f.Key))).Prepend(headers));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_import_headed_as_the_national_template_fills_the_six_party_codes(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        var licence = CreditSamples.Licence("永公(治)许字〔2026〕第301号", "2026-11-16");
        licence[CreditFields.OrganisationCode] = "MA76X2K3-Q";
        licence[CreditFields.TaxRegistrationNumber] = "640121MA76X2K3Q";
        var association = CreditSamples.Licence("永公(治)许字〔2026〕第302号", "2026-11-16");
        association[CreditFields.PartyName] = "永宁县青少年科技教育促进会";
        association[CreditFields.CreditCode] = null;
        association[CreditFields.InstitutionCertificateNumber] = "事证第164012100031号";
        association[CreditFields.SocialOrganisationNumber] = "宁民社证字第0031号";
        association[CreditFields.BusinessRegistrationNumber] = "640121000012345";

        var result = await ImportAsync(database, CreditRecordKind.Licence, NationalTemplateCsv(CreditFields.Licence, [licence, association]));
        Assert.Empty(result.Report.Problems);
        Assert.Equal(2, result.Imported);

        var rows = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CreditLicenceRecord>()
            .Where(r => r.DecisionNumber.StartsWith("永公(治)许字〔2026〕第30")).OrderBy(r => r.DecisionNumber)
            .Select(r => new { r.CreditCode, r.BusinessRegistrationNumber, r.OrganisationCode, r.TaxRegistrationNumber, r.InstitutionCertificateNumber, r.SocialOrganisationNumber })
            .ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal((CreditSamples.CreditCode("91640121MA76X2K3Q"), "MA76X2K3-Q", "640121MA76X2K3Q"), (rows[0].CreditCode, rows[0].OrganisationCode, rows[0].TaxRegistrationNumber));
        Assert.Equal((null, "640121000012345", "事证第164012100031号", "宁民社证字第0031号"),
            (rows[1].CreditCode, rows[1].BusinessRegistrationNumber, rows[1].InstitutionCertificateNumber, rows[1].SocialOrganisationNumber));
    }

    [Fact]
    public void The_plain_label_and_the_national_header_name_the_same_column_and_both_at_once_is_a_repeat()
    {
        foreach (var set in new[] { CreditFields.Licence, CreditFields.Penalty })
        {
            for (var n = 1; n <= CreditFields.PartyCodes.Count; n++)
            {
                var field = set[CreditFields.PartyCodes[n - 1]];
                Assert.Equal(set.FindByHeader(field.Label), set.FindByHeader(CreditFields.NationalCodeHeader(n, field.Label)));
            }
        }

        Assert.Equal(CreditFields.Penalty.IndexOf(CreditFields.CreditCode), CreditFields.Penalty.FindByHeader("行政相对人代码_1（统一社会信用代码）"));
        Assert.Null(CreditFields.Penalty.FindByHeader("行政相对人代码_7（其他）"));
        Assert.Null(CreditFields.Penalty.FindByHeader("行政相对人代码_2（统一社会信用代码）")); // the number belongs to its code
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_file_with_both_headers_for_one_code_is_refused_before_any_row(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        var labels = CreditFields.Penalty.Labels.Append("行政相对人代码_1（统一社会信用代码）").ToList();
        var file = System.Text.Encoding.UTF8.GetBytes(string.Join(",", labels) + "\r\n");
        var result = await ImportAsync(database, CreditRecordKind.Penalty, file);
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal((1, ImportProblemKind.UnknownColumn), (problem.Row, problem.Kind));
        Assert.Contains("出现了不止一次", problem.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_blank_severity_is_refused_with_a_message_and_nothing_is_imported(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        var good = CreditSamples.Penalty("永公(杨)行罚决字〔2026〕401号", "2026-11-16");
        var blank = CreditSamples.Penalty("永公(杨)行罚决字〔2026〕402号", "2026-11-16");
        blank[CreditFields.Severity] = " ";
        var result = await ImportAsync(database, CreditRecordKind.Penalty, CreditSamples.Csv(CreditFields.Penalty, [good, blank]));
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal((3, "失信严重程度", ImportProblemKind.MissingValue), (problem.Row, problem.Column, problem.Kind));
        Assert.Equal("「失信严重程度」未填写：请认定为轻微、一般、严重之一（它决定公示期限），不能留空。", problem.Message);
        Assert.Equal(0, result.Imported);
        Assert.Equal(0, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CreditPenaltyRecord>().CountAsync(r => r.DecisionNumber.StartsWith("永公(杨)行罚决字〔2026〕40"))));

        // A file without the column at all is refused at its header, not read as all 一般.
        var withoutColumn = CreditFields.Penalty.Fields.Where(f => f.Key != CreditFields.Severity).ToList();
        var file = CsvTableWriter.ToBytes(new[] { good }.Select(row => withoutColumn.Select(f => row.GetValueOrDefault(f.Key))).Prepend(withoutColumn.Select(f => f.Label)));
        result = await ImportAsync(database, CreditRecordKind.Penalty, file);
        Assert.Equal([(1, "失信严重程度", ImportProblemKind.MissingColumn)], result.Report.Problems.Select(p => (p.Row, p.Column, p.Kind)));
        Assert.Equal(0, result.Imported);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_withdrawn_penalty_leaves_a_notice_with_its_reason_where_a_draft_or_a_public_one_has_none(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        var row = CreditSamples.Penalty("永公(杨)行罚决字〔2026〕501号", "2026-11-16");
        var id = await database.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<CreditRecordStore>();
            var (record, problems) = await store.ParseAsync(CreditSamples.Values(CreditFields.Penalty, row), null);
            Assert.Empty(problems);
            return await store.CreateAsync(record!, "editor");
        });

        Task<CreditWithdrawnNotice?> NoticeAsync(long recordId) =>
            database.InScopeAsync(sp => sp.GetRequiredService<CreditPublicQuery>().FindWithdrawnAsync(CreditRecordKind.Penalty, recordId));

        Assert.Null(await NoticeAsync(id)); // a draft: nothing public, nothing withdrawn
        await database.InScopeAsync(sp => sp.GetRequiredService<CreditRecordStore>().PublishAsync(CreditRecordKind.Penalty, id, "office"));
        Assert.Null(await NoticeAsync(id)); // public: the record itself shows

        await database.InScopeAsync(sp => sp.GetRequiredService<CreditRecordStore>()
            .WithdrawAsync(CreditRecordKind.Penalty, id, "行政复议决定撤销原处罚决定", new DateOnly(2026, 11, 20), "office"));
        Assert.Null(await database.InScopeAsync(sp => sp.GetRequiredService<CreditPublicQuery>().FindAsync(CreditRecordKind.Penalty, id)));
        var notice = await NoticeAsync(id);
        Assert.NotNull(notice);
        Assert.Equal(("永公(杨)行罚决字〔2026〕501号", CreditSamples.Authority, "行政复议决定撤销原处罚决定", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 23)),
            (notice.DecisionNumber, notice.Authority, notice.Reason, notice.ChangedOn, notice.WithdrawnOn));

        // The notice is the penalty's: a licence of the same id is another record.
        Assert.Null(await database.InScopeAsync(sp => sp.GetRequiredService<CreditPublicQuery>().FindWithdrawnAsync(CreditRecordKind.Licence, id)));
    }
}
