using Disclosure.Core.Tables;
using Disclosure.Credit.Models;

namespace Disclosure.Core.Tests.Credit;

public sealed class CreditRowParserTests
{
    private static (CreditRecordData? Record, List<ImportProblem> Problems) Parse(CreditFieldSet set, Dictionary<string, string?> row, string today = "2026-11-23")
    {
        var problems = new List<ImportProblem>();
        var record = CreditRowParser.Parse(CreditSamples.Values(set, row), 7, CreditSamples.Context(today), problems);
        return (record, problems);
    }

    [Fact]
    public void A_valid_penalty_parses_with_its_publication_end_from_the_severity()
    {
        var (record, problems) = Parse(CreditFields.Penalty, CreditSamples.Penalty());
        Assert.Empty(problems);
        var penalty = Assert.IsType<PenaltyData>(record);
        Assert.Equal(["罚款", "行政拘留"], penalty.Categories);
        Assert.Equal(0.05m, penalty.FineAmount);
        Assert.Equal(Severity.General, penalty.Severity);
        Assert.Equal(new DateOnly(2027, 6, 15), penalty.PublicationEnd); // 一般: at most 12 months
        Assert.False(penalty.PartyIsMinor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_blank_severity_is_a_problem_not_a_general_penalty(string? blank)
    {
        var row = CreditSamples.Penalty();
        row[CreditFields.Severity] = blank;
        var (record, problems) = Parse(CreditFields.Penalty, row);
        Assert.Null(record);
        var problem = Assert.Single(problems);
        Assert.Equal((7, "失信严重程度", ImportProblemKind.MissingValue), (problem.Row, problem.Column, problem.Kind));
        Assert.Contains("不能留空", problem.Message);
    }

    [Fact]
    public void A_record_formats_back_to_the_same_text_and_parses_to_an_equal_record()
    {
        foreach (var (set, row) in new[] { (CreditFields.Penalty, CreditSamples.Penalty()), (CreditFields.Licence, CreditSamples.Licence()) })
        {
            var (first, _) = Parse(set, row);
            var text = CreditRowFormatter.Format(first!);
            var problems = new List<ImportProblem>();
            var second = CreditRowParser.Parse(new CreditRowValues(set, text), 2, CreditSamples.Context(), problems);
            Assert.Empty(problems);
            Assert.Equal(text, CreditRowFormatter.Format(second!));
        }
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_not_only_the_first()
    {
        var row = CreditSamples.Penalty();
        row[CreditFields.PartyName] = null;
        row[CreditFields.FineAmount] = "-1";
        row[CreditFields.DecisionDate] = "2026-13-01";
        var (record, problems) = Parse(CreditFields.Penalty, row);
        Assert.Null(record);
        Assert.Equal(
            [(7, "行政相对人名称", ImportProblemKind.MissingValue), (7, "罚款金额（万元）", ImportProblemKind.NegativeAmount), (7, "处罚决定日期", ImportProblemKind.BadDate)],
            problems.Select(p => (p.Row, p.Column, p.Kind)));
    }

    [Fact]
    public void A_natural_person_under_18_on_the_decision_day_is_flagged_as_a_minor()
    {
        var row = CreditSamples.Penalty(decided: "2026-06-15");
        row[CreditFields.IdNumber] = CreditSamples.ResidentId("640121", new DateOnly(2008, 6, 16), 12); // turns 18 the day after
        var (record, problems) = Parse(CreditFields.Penalty, row);
        Assert.Empty(problems);
        Assert.True(record!.PartyIsMinor);
        Assert.NotEmpty(CreditPublication.Blocks(record, CreditPolicy.Default));

        row[CreditFields.IdNumber] = CreditSamples.ResidentId("640121", new DateOnly(2008, 6, 15), 12); // 18 that very day
        Assert.False(Parse(CreditFields.Penalty, row).Record!.PartyIsMinor);
    }

    [Theory]
    [InlineData("轻微", "0-3", "2026-06-15", "2026-09-15")]
    [InlineData("严重", "12-36", "2027-06-15", "2029-06-15")]
    public void A_given_publication_end_must_lie_within_the_severity_period(string severity, string _, string earliest, string latest)
    {
        var row = CreditSamples.Penalty();
        row[CreditFields.Severity] = severity;
        row[CreditFields.PublicationEnd] = latest;
        Assert.Empty(Parse(CreditFields.Penalty, row).Problems);
        row[CreditFields.PublicationEnd] = earliest;
        Assert.Empty(Parse(CreditFields.Penalty, row).Problems);

        row[CreditFields.PublicationEnd] = DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ImportProblemKind.PeriodOutOfRange, Assert.Single(Parse(CreditFields.Penalty, row).Problems).Kind);
    }

    [Fact]
    public void Headers_are_matched_forgiving_half_width_brackets()
    {
        Assert.Equal(CreditFields.Penalty.IndexOf(CreditFields.FineAmount), CreditFields.Penalty.FindByHeader("罚款金额(万元)"));
        Assert.Equal(CreditFields.Penalty.IndexOf(CreditFields.FineAmount), CreditFields.Penalty.FindByHeader(" 罚款金额（万元） "));
        Assert.Null(CreditFields.Penalty.FindByHeader("罚款金额"));
    }

    [Fact]
    public void The_field_labels_are_those_of_the_national_standard()
    {
        Assert.Equal(
            ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "工商注册号", "组织机构代码", "税务登记号", "事业单位证书号", "社会组织登记证号",
             "法定代表人", "法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据",
             "处罚类别", "处罚内容", "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期",
             "公示截止期", "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注"],
            CreditFields.Penalty.Fields.Where(f => f.Public).Select(f => f.Label));
        Assert.Equal(
            ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "工商注册号", "组织机构代码", "税务登记号", "事业单位证书号", "社会组织登记证号",
             "法定代表人", "法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码", "行政许可决定文书名称", "行政许可决定文书号", "许可类别",
             "许可证书名称", "许可编号", "许可内容", "许可决定日期", "有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码", "当前状态",
             "数据来源单位", "数据来源单位统一社会信用代码", "备注"],
            CreditFields.Licence.Fields.Where(f => f.Public).Select(f => f.Label));
    }
}
