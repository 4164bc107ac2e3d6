using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Disclosure.Requests.Models;
using Disclosure.Requests.Services;
using Disclosure.Requests.Statistics;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Disclosure.Requests.Api;

/// <summary>
/// <c>GET /api/v1/requests/statistics</c>: a data platform reads the year's 依申请公开 figures — tables 三 and 四 of the
/// annual report, exactly as the 公开办's statistics page and the report compute them — for the client's agency or one
/// of the agencies below it. Counts only: the figures come from kinds, dates and outcomes, never from an applicant.
/// </summary>
public static class RequestStatisticsApi
{
    public static IEndpointRouteBuilder MapRequestStatisticsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/requests/statistics", GetAsync)
            .RequireApiClient(ApiScopes.ReadRequestStatistics)
            .WithTags("依申请公开统计")
            .WithName("GetRequestStatistics")
            .WithSummary("读取依申请公开统计（年度报告表三、表四）")
            .WithDescription("year 为年份（默认今年），agency 为机构代码（默认客户端所属机构，可为其下级机构；其他机构返回 404）。" +
                "subordinates=true 时合计该机构及全部下级机构。表三按申请人类型分列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），" +
                "outcome 为办理结果的代码；consistency 列出勾稽关系不成立之处，正常时为空。只含数量，不含任何申请人信息。")
            .Produces<RequestStatisticsResponse>()
            .WithResponseExample(StatusCodes.Status200OK, Example)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    /// <summary>The OpenAPI document's example: a county bureau's year, built as a real answer is.</summary>
    private static RequestStatisticsResponse Example
    {
        get
        {
            var naturalPerson = ApplicantCounts.Zero.Add(ApplicantKind.NaturalPerson);
            var applications = ApplicationTable.FromCounts(2025,
                naturalPerson.Add(ApplicantKind.NaturalPerson, 16).Add(ApplicantKind.Commercial, 2), naturalPerson,
                new Dictionary<RequestOutcome, ApplicantCounts>
                {
                    [RequestOutcome.Disclosed] = naturalPerson.Add(ApplicantKind.NaturalPerson, 8).Add(ApplicantKind.Commercial),
                    [RequestOutcome.PartiallyDisclosed] = naturalPerson.Add(ApplicantKind.NaturalPerson),
                    [RequestOutcome.UnavailableNotHeld] = naturalPerson.Add(ApplicantKind.NaturalPerson, 3),
                },
                naturalPerson.Add(ApplicantKind.NaturalPerson, 2).Add(ApplicantKind.Commercial));
            var appeals = AppealTable.FromGroups(2025, [new AppealGroup(AppealKind.Reconsideration, AppealResult.Upheld, 1)]);
            return RequestStatisticsResponse.From("640121-103", "永宁县公安局", false, applications, appeals);
        }
    }

    private static async Task<IResult> GetAsync(
        HttpContext http, RequestStatistics statistics, RequestQueries queries, AgencyDirectory agencies,
        int? year, string? agency, bool? subordinates, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User)!;
        var counted = year ?? queries.Today.Year;
        if (counted is < 2000 || counted > queries.Today.Year)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["year"] = [$"年份应在 2000 至 {queries.Today.Year} 之间。"] },
                title: "请求有误", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        // The client's agency and the agencies below it, as its 管理员 would see them; anything else is not there.
        var tree = await agencies.TreeAsync(cancellationToken);
        var code = string.IsNullOrWhiteSpace(agency) ? caller.AgencyCode : agency.Trim();
        if (tree.Find(code) is not { } node || !tree.IsWithin(code, caller.AgencyCode))
        {
            return TypedResults.Problem(title: "机构不存在", detail: $"没有机构“{code}”，或它不在本客户端所属机构之下。", statusCode: StatusCodes.Status404NotFound);
        }

        IReadOnlyList<string> codes = subordinates == true ? tree.SubtreeCodes(code) : [code];
        var applications = await statistics.ApplicationTableAsync(codes, counted, cancellationToken);
        var appeals = await statistics.AppealTableAsync(codes, counted, cancellationToken);
        return TypedResults.Ok(RequestStatisticsResponse.From(node.Code, node.Name, subordinates == true, applications, appeals));
    }
}
