using System.Text.Json;
using Disclosure.Requests.Statistics;

namespace Disclosure.Requests.Api;

/// <summary>The answer of <c>GET /api/v1/requests/statistics</c>: the year's tables 三 and 四 for one agency (or its subtree).</summary>
public sealed record RequestStatisticsResponse(
    int Year,
    string AgencyCode,
    string AgencyName,
    bool IncludesSubordinates,
    ApplicationTableResponse Applications,
    AppealTableResponse Appeals)
{
    internal static RequestStatisticsResponse From(string agencyCode, string agencyName, bool subordinates, ApplicationTable applications, AppealTable appeals) =>
        new(applications.Year, agencyCode, agencyName, subordinates, ApplicationTableResponse.From(applications), AppealTableResponse.From(appeals));
}

/// <summary>Table 三, 收到和处理政府信息公开申请情况: its 25 data rows in the official order.</summary>
public sealed record ApplicationTableResponse(string Title, IReadOnlyList<ApplicationRowResponse> Rows, IReadOnlyList<string> Consistency)
{
    internal static ApplicationTableResponse From(ApplicationTable table) => new(
        ApplicationTable.Title,
        [
            ApplicationRowResponse.From("newApplications", null, null, table.NewApplications.Label, table.NewApplications.Counts),
            ApplicationRowResponse.From("carriedOver", null, null, table.CarriedOver.Label, table.CarriedOver.Counts),
            .. table.Results.SelectMany(section => section.Rows.Select(row =>
                ApplicationRowResponse.From("result", section.Label, JsonNamingPolicy.CamelCase.ConvertName(row.Outcome.ToString()), row.Label, row.Counts))),
            ApplicationRowResponse.From("resultsTotal", null, null, table.ResultsTotal.Label, table.ResultsTotal.Counts),
            ApplicationRowResponse.From("carriedForward", null, null, table.CarriedForward.Label, table.CarriedForward.Counts),
        ],
        table.CheckConsistency());
}

/// <summary>
/// One row of table 三 across its applicant columns. <see cref="Row"/> says which part of the table it is
/// (<c>newApplications</c>, <c>carriedOver</c>, <c>result</c>, <c>resultsTotal</c>, <c>carriedForward</c>); a result row
/// names its <see cref="Section"/> (（一）…（六）) and <see cref="Outcome"/>.
/// </summary>
public sealed record ApplicationRowResponse(
    string Row, string? Section, string? Outcome, string Label, int NaturalPerson, int Commercial, int Research, int PublicWelfare, int LegalService, int Other, int Total)
{
    internal static ApplicationRowResponse From(string row, string? section, string? outcome, string label, ApplicantCounts counts) => new(
        row, section, outcome, label, counts.NaturalPerson, counts.Commercial, counts.Research, counts.PublicWelfare, counts.LegalService, counts.Other, counts.Total);
}

/// <summary>Table 四, 政府信息公开行政复议、行政诉讼情况: 行政复议, 未经复议直接起诉, 复议后起诉.</summary>
public sealed record AppealTableResponse(string Title, AppealCountsResponse Reconsideration, AppealCountsResponse DirectLitigation, AppealCountsResponse LitigationAfterReconsideration)
{
    internal static AppealTableResponse From(AppealTable table) => new(
        AppealTable.Title, AppealCountsResponse.From(table.Reconsideration), AppealCountsResponse.From(table.DirectLitigation),
        AppealCountsResponse.From(table.LitigationAfterReconsideration));
}

/// <summary>结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计.</summary>
public sealed record AppealCountsResponse(int Upheld, int Corrected, int Other, int Pending, int Total)
{
    internal static AppealCountsResponse From(AppealCounts counts) => new(counts.Upheld, counts.Corrected, counts.Other, counts.Pending, counts.Total);
}
