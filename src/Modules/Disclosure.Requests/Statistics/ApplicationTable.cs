using Disclosure.Requests.Models;

namespace Disclosure.Requests.Statistics;

/// <summary>A labelled row of table 三.</summary>
public sealed record ApplicationTableRow(string Label, ApplicantCounts Counts);

/// <summary>A row of（三）本年度办理结果 that belongs to one statutory outcome.</summary>
public sealed record OutcomeRow(RequestOutcome Outcome, string Label, ApplicantCounts Counts);

/// <summary>
/// One of（一）…（六）. For（一）予以公开 and（二）部分公开 the section is its own single data row; for（三）…（六）the
/// label heads the numbered reasons, which carry the data (the official layout has no subtotal row for them;
/// <see cref="Counts"/> is offered for convenience).
/// </summary>
public sealed record ResultSection(OutcomeCategory Category, string Label, bool HasReasons, IReadOnlyList<OutcomeRow> Rows)
{
    public ApplicantCounts Counts => ApplicantCounts.Sum(Rows.Select(r => r.Counts));
}

/// <summary>
/// Table 三 of the 政府信息公开工作年度报告, 收到和处理政府信息公开申请情况, in the 2021 format (国办公开办函〔2021〕30号),
/// for one year:
/// <code>
/// 一、本年新收           applications received in the year (by date of receipt, 第三十一条)
/// 二、上年结转           received before the year and not closed by 31 December of the year before
/// 三、本年度办理结果      applications closed in the year, by outcome:（一）…（六）, then（七）总计
/// 四、结转下年度继续办理  received by 31 December and not closed by then
/// </code>
/// In every column 一 + 二 = 三（七）总计 + 四 (the table's 勾稽关系); <see cref="CheckConsistency"/> verifies it.
/// Build one with <see cref="Compute"/>; the annual report renders <see cref="Rows"/> in order.
/// </summary>
public sealed record ApplicationTable(
    int Year,
    ApplicationTableRow NewApplications,
    ApplicationTableRow CarriedOver,
    IReadOnlyList<ResultSection> Results,
    ApplicationTableRow ResultsTotal,
    ApplicationTableRow CarriedForward)
{
    public const string Title = "三、收到和处理政府信息公开申请情况";

    /// <summary>The top-left merged cell, verbatim.</summary>
    public const string ConsistencyNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public const string ApplicantBand = "申请人情况";
    public const string OrganisationBand = "法人或其他组织";
    public const string NewApplicationsLabel = "一、本年新收政府信息公开申请数量";
    public const string CarriedOverLabel = "二、上年结转政府信息公开申请数量";
    public const string ResultsLabel = "三、本年度办理结果";
    public const string ResultsTotalLabel = "（七）总计";
    public const string CarriedForwardLabel = "四、结转下年度继续办理";

    /// <summary>The data columns in order: 自然人, the five 法人或其他组织 kinds, 总计.</summary>
    public static readonly IReadOnlyList<string> ColumnLabels =
        [.. ApplicantKinds.All.Select(ApplicantKinds.DisplayName), "总计"];

    /// <summary>The counts of one outcome's row.</summary>
    public ApplicantCounts this[RequestOutcome outcome] =>
        Results.SelectMany(s => s.Rows).Single(r => r.Outcome == outcome).Counts;

    /// <summary>
    /// Every data row in the order of the official table (25: 一, 二, the 22 rows of 三 ending with（七）总计, 四).
    /// Section headings without data of their own (三,（三）…（六）) are not rows here; see <see cref="Results"/>.
    /// </summary>
    public IReadOnlyList<ApplicationTableRow> Rows =>
    [
        NewApplications,
        CarriedOver,
        .. Results.SelectMany(s => s.Rows).Select(r => new ApplicationTableRow(r.Label, r.Counts)),
        ResultsTotal,
        CarriedForward,
    ];

    /// <summary>
    /// The table's own arithmetic, in zh-CN, one message per broken column; empty when it holds:（七）总计 is the
    /// sum of（一）…（六）, and 一 + 二 = （七）+ 四.
    /// </summary>
    public IReadOnlyList<string> CheckConsistency()
    {
        var problems = new List<string>();
        var sum = ApplicantCounts.Sum(Results.Select(s => s.Counts));
        var left = NewApplications.Counts + CarriedOver.Counts;
        var right = ResultsTotal.Counts + CarriedForward.Counts;
        for (var column = 0; column < ColumnLabels.Count; column++)
        {
            if (sum.Cells[column] != ResultsTotal.Counts.Cells[column])
            {
                problems.Add($"“{ColumnLabels[column]}”列：（一）至（六）之和为 {sum.Cells[column]}，与（七）总计 {ResultsTotal.Counts.Cells[column]} 不符。");
            }

            if (left.Cells[column] != right.Cells[column])
            {
                problems.Add($"“{ColumnLabels[column]}”列：第一项加第二项为 {left.Cells[column]}，第三项（七）总计加第四项为 {right.Cells[column]}，勾稽关系不成立。");
            }
        }

        return problems;
    }

    /// <summary>
    /// Computes the table for <paramref name="year"/> from every application's kind, date of receipt and, once
    /// closed, date of closing and outcome. Dates are Beijing dates. Applications received after the year are
    /// ignored; a closed application must have an outcome and cannot close before it was received.
    /// </summary>
    public static ApplicationTable Compute(int year, IEnumerable<RequestFact> facts) =>
        FromGroups(year, facts
            .Where(fact =>
            {
                fact.Check();
                return fact.ReceivedOn.Year <= year && !(fact.ClosedOn?.Year < year); // received, and not closed in an earlier year
            })
            .Select(fact => new RequestGroup(fact.Kind, fact.ReceivedOn.Year < year, fact.ClosedOn?.Year == year, fact.Outcome, 1)));

    /// <summary>
    /// Builds the table from the applications of the year counted in groups (by the database, or one per fact):
    /// each group is 一 or 二 by when it was received, and a row of 三 or 四 by whether it closed in the year.
    /// </summary>
    public static ApplicationTable FromGroups(int year, IEnumerable<RequestGroup> groups)
    {
        var received = ApplicantCounts.Zero;
        var carriedOver = ApplicantCounts.Zero;
        var carriedForward = ApplicantCounts.Zero;
        var byOutcome = new Dictionary<RequestOutcome, ApplicantCounts>();
        foreach (var group in groups)
        {
            if (group.ReceivedBefore)
            {
                carriedOver = carriedOver.Add(group.Kind, group.Count);
            }
            else
            {
                received = received.Add(group.Kind, group.Count);
            }

            if (!group.ClosedInYear)
            {
                carriedForward = carriedForward.Add(group.Kind, group.Count);
            }
            else if (group.Outcome is { } outcome)
            {
                byOutcome[outcome] = byOutcome.GetValueOrDefault(outcome).Add(group.Kind, group.Count);
            }
            else
            {
                throw new InvalidOperationException($"{group.Count} application(s) closed in {year} without an outcome.");
            }
        }

        return FromCounts(year, received, carriedOver, byOutcome, carriedForward);
    }

    /// <summary>
    /// Builds the table from counts already aggregated (by the database, or read back from a stored report):
    /// 一 <paramref name="received"/>, 二 <paramref name="carriedOver"/>, 三 one row per outcome (missing outcomes
    /// count zero; （七）总计 is their sum) and 四 <paramref name="carriedForward"/>.
    /// </summary>
    public static ApplicationTable FromCounts(
        int year,
        ApplicantCounts received,
        ApplicantCounts carriedOver,
        IReadOnlyDictionary<RequestOutcome, ApplicantCounts> byOutcome,
        ApplicantCounts carriedForward)
    {
        ApplicantCounts Of(RequestOutcome outcome) => byOutcome.TryGetValue(outcome, out var counts) ? counts : ApplicantCounts.Zero;
        var sections = RequestOutcomes.Sections
            .Select(s => new ResultSection(s.Category, s.Label, s.HasReasons,
                s.Outcomes.Select(o => new OutcomeRow(o, RequestOutcomes.RowLabel(o), Of(o))).ToList()))
            .ToList();
        return new ApplicationTable(
            year,
            new ApplicationTableRow(NewApplicationsLabel, received),
            new ApplicationTableRow(CarriedOverLabel, carriedOver),
            sections,
            new ApplicationTableRow(ResultsTotalLabel, ApplicantCounts.Sum(RequestOutcomes.All.Select(Of))),
            new ApplicationTableRow(CarriedForwardLabel, carriedForward));
    }
}

/// <summary>
/// Applications of one applicant kind that table 三 counts alike for a year: received before it or in it, closed
/// in it (with <paramref name="Outcome"/>) or still open at its end.
/// </summary>
public sealed record RequestGroup(ApplicantKind Kind, bool ReceivedBefore, bool ClosedInYear, RequestOutcome? Outcome, int Count);

/// <summary>What table 三 needs of one application: no personal data at all.</summary>
public sealed record RequestFact(ApplicantKind Kind, DateOnly ReceivedOn, DateOnly? ClosedOn, RequestOutcome? Outcome)
{
    internal void Check()
    {
        if (ClosedOn is { } closed && (Outcome is null || closed < ReceivedOn))
        {
            throw new ArgumentException($"An application received {ReceivedOn:yyyy-MM-dd} is closed {closed:yyyy-MM-dd} without an outcome or before its receipt.");
        }
    }
}
