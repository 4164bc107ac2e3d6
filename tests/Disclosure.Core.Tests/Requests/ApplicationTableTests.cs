using Disclosure.Requests.Models;
using Disclosure.Requests.Statistics;
using static Disclosure.Requests.Models.ApplicantKind;
using static Disclosure.Requests.Models.RequestOutcome;
using static Disclosure.Core.Tests.Calendar.ShippedCalendar;

namespace Disclosure.Core.Tests.Requests;

/// <summary>Table 三 and table 四 from hand-made facts, compared with tables written out by hand.</summary>
public sealed class ApplicationTableTests
{
    private static RequestFact Fact(ApplicantKind kind, string received, string? closed = null, RequestOutcome? outcome = null) =>
        new(kind, D(received), closed is null ? null : D(closed), outcome);

    [Fact]
    public void An_application_received_on_30_December_and_answered_in_January_is_carried_over()
    {
        RequestFact[] facts = [Fact(NaturalPerson, "2025-12-30", "2026-01-22", WithheldProcessInformation)];

        var y2025 = ApplicationTable.Compute(2025, facts);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2025.NewApplications.Counts);
        Assert.Equal(ApplicantCounts.Zero, y2025.ResultsTotal.Counts);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2025.CarriedForward.Counts);

        var y2026 = ApplicationTable.Compute(2026, facts);
        Assert.Equal(ApplicantCounts.Zero, y2026.NewApplications.Counts);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2026.CarriedOver.Counts);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), y2026[WithheldProcessInformation]);
        Assert.Equal(ApplicantCounts.Zero, y2026.CarriedForward.Counts);

        Assert.Empty(y2025.CheckConsistency());
        Assert.Empty(y2026.CheckConsistency());
        Assert.Equal(0, ApplicationTable.Compute(2027, facts).Rows.Sum(r => r.Counts.Total));
    }

    [Fact]
    public void A_year_equals_the_table_counted_by_hand()
    {
        RequestFact[] facts =
        [
            Fact(NaturalPerson, "2024-11-20"),                                              // open for two years: 二 and 四
            Fact(NaturalPerson, "2024-12-27", "2025-01-15", Disclosed),                     // 二, （一）
            Fact(Commercial, "2024-12-30", "2025-01-20", PartiallyDisclosed),               // 二, （二）
            Fact(Commercial, "2024-06-01", "2024-07-01", Disclosed),                        // closed before the year: nowhere
            Fact(NaturalPerson, "2025-01-06", "2025-01-20", Disclosed),                     // 一, （一）
            Fact(NaturalPerson, "2025-02-10", "2025-03-05", WithheldStateSecret),           // 一, （三）1
            Fact(Research, "2025-03-03", "2025-03-25", WithheldThreeSecurities),            // 一, （三）3
            Fact(PublicWelfare, "2025-04-07", "2025-04-21", UnavailableNotHeld),            // 一, （四）1
            Fact(LegalService, "2025-05-12", "2025-05-20", NotProcessedRepeated),           // 一, （五）2
            Fact(OtherOrganisation, "2025-06-03", "2025-07-15", OtherNoCorrection),         // 一, （六）1
            Fact(LegalService, "2025-07-07", "2025-07-25", WithheldEnforcementCaseFile),    // 一, （三）7
            Fact(NaturalPerson, "2025-12-29"),                                              // 一, 四
            Fact(Commercial, "2025-12-31", "2026-01-09", Disclosed),                        // 一, 四
            Fact(NaturalPerson, "2026-01-05"),                                              // next year: nowhere
        ];

        var table = ApplicationTable.Compute(2025, facts);

        //                                                  自然人 商业 科研 公益 法律 其他
        Assert.Equal(new ApplicantCounts(3, 1, 1, 1, 2, 1), table.NewApplications.Counts);  // 总计 9
        Assert.Equal(new ApplicantCounts(2, 1, 0, 0, 0, 0), table.CarriedOver.Counts);      // 总计 3
        Assert.Equal(new ApplicantCounts(2, 0, 0, 0, 0, 0), table[Disclosed]);
        Assert.Equal(new ApplicantCounts(0, 1, 0, 0, 0, 0), table[PartiallyDisclosed]);
        Assert.Equal(new ApplicantCounts(1, 0, 0, 0, 0, 0), table[WithheldStateSecret]);
        Assert.Equal(new ApplicantCounts(0, 0, 1, 0, 0, 0), table[WithheldThreeSecurities]);
        Assert.Equal(new ApplicantCounts(0, 0, 0, 0, 1, 0), table[WithheldEnforcementCaseFile]);
        Assert.Equal(new ApplicantCounts(0, 0, 0, 1, 0, 0), table[UnavailableNotHeld]);
        Assert.Equal(new ApplicantCounts(0, 0, 0, 0, 1, 0), table[NotProcessedRepeated]);
        Assert.Equal(new ApplicantCounts(0, 0, 0, 0, 0, 1), table[OtherNoCorrection]);
        Assert.Equal(new ApplicantCounts(3, 1, 1, 1, 2, 1), table.ResultsTotal.Counts);     // 总计 9
        Assert.Equal(new ApplicantCounts(2, 1, 0, 0, 0, 0), table.CarriedForward.Counts);   // 总计 3
        Assert.Equal([3, 1, 1, 1, 2, 1, 9], table.NewApplications.Counts.Cells);
        Assert.Empty(table.CheckConsistency());
    }

    [Fact]
    public void The_rows_and_columns_are_exactly_those_of_the_official_table()
    {
        var table = ApplicationTable.Compute(2025, []);
        Assert.Equal(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], ApplicationTable.ColumnLabels);
        Assert.Equal(
            [
                "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
                "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
                "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
                "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
                "（七）总计", "四、结转下年度继续办理",
            ],
            table.Rows.Select(r => r.Label));
        Assert.Equal(["（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"],
            table.Results.Select(s => s.Label));
        Assert.Equal(22, table.Results.Sum(s => s.Rows.Count) + 1);
        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", ApplicationTable.ConsistencyNote);
    }

    [Fact]
    public void A_broken_table_is_reported_column_by_column()
    {
        var table = ApplicationTable.Compute(2025, [Fact(Research, "2025-03-03")]);
        var broken = table with { CarriedForward = table.CarriedForward with { Counts = ApplicantCounts.Zero } };
        Assert.Equal(
            ["“科研机构”列：第一项加第二项为 1，第三项（七）总计加第四项为 0，勾稽关系不成立。", "“总计”列：第一项加第二项为 1，第三项（七）总计加第四项为 0，勾稽关系不成立。"],
            broken.CheckConsistency());
        Assert.Throws<ArgumentException>(() => ApplicationTable.Compute(2025, [Fact(Research, "2025-03-03", "2025-03-01", Disclosed)]));
    }

    [Fact]
    public void Appeals_count_under_their_result_in_the_year_decided_and_as_pending_until_then()
    {
        AppealFact[] facts =
        [
            new(AppealKind.Reconsideration, D("2025-10-20"), D("2025-12-15"), AppealResult.Upheld),
            new(AppealKind.Reconsideration, D("2025-11-20"), D("2026-02-01"), AppealResult.Corrected),
            new(AppealKind.DirectLitigation, D("2025-12-01"), null, AppealResult.Pending),
            new(AppealKind.LitigationAfterReconsideration, D("2026-03-01"), D("2026-06-01"), AppealResult.Other),
        ];

        Assert.Equal([1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0], AppealTable.Compute(2025, facts).Cells);
        Assert.Equal([0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1], AppealTable.Compute(2026, facts).Cells);
    }
}
