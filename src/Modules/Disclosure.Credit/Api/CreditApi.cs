using Disclosure.Contents.Sites;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Disclosure.Credit.Api;

/// <summary>
/// 双公示 read API: <c>/api/v1/credit/licences</c> and <c>/api/v1/credit/penalties</c>. Only records public today, and
/// only their public fields, masked exactly as on the web pages (the same <see cref="CreditPublicQuery"/> serves both).
/// </summary>
public static class CreditApi
{
    public const int MaxPageSize = 100;

    /// <summary>Maps the endpoints under <paramref name="api"/> (the host's <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapCreditApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/credit").WithTags("双公示");
        group.MapGet("/licences", (CreditPublicQuery query, AgencyDirectory agencies, PublicAgency site, string? q, string? by, string? match, string? reach, int? page, int? pageSize, CancellationToken ct) =>
                ListAsync(query, agencies, site, CreditRecordKind.Licence, q, by, match, reach, page, pageSize, (id, r, agency) => PublicLicence.From(id, (LicenceData)r, agency), ct))
            .WithName("ListCreditLicences")
            .WithSummary("行政许可公示信息列表")
            .WithDescription(Description)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Licences);
        group.MapGet("/licences/{id:long}", async Task<Results<Ok<PublicLicence>, ProblemHttpResult>> (CreditPublicQuery query, AgencyDirectory agencies, long id, CancellationToken ct) =>
                await query.FindWithAgencyAsync(CreditRecordKind.Licence, id, ct) is ({ } record, var agency)
                    ? TypedResults.Ok(PublicLicence.From(id, (LicenceData)record, (await agencies.ReferencesAsync(ct))(agency))) : NotFound())
            .WithName("GetCreditLicence")
            .WithSummary("单条行政许可公示信息")
            .WithDescription("按编号（列表中的 id）返回一条公示中的行政许可，字段与列表相同，自然人姓名和证件号码已脱敏。不存在或不在公示中的返回 404。")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Licence);
        group.MapGet("/penalties", (CreditPublicQuery query, AgencyDirectory agencies, PublicAgency site, string? q, string? by, string? match, string? reach, int? page, int? pageSize, CancellationToken ct) =>
                ListAsync(query, agencies, site, CreditRecordKind.Penalty, q, by, match, reach, page, pageSize, (id, r, agency) => PublicPenalty.From(id, (PenaltyData)r, agency), ct))
            .WithName("ListCreditPenalties")
            .WithSummary("行政处罚公示信息列表")
            .WithDescription(Description + "公示期满、已信用修复或已撤回的处罚不再返回。")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Penalties);
        group.MapGet("/penalties/{id:long}", async Task<Results<Ok<PublicPenalty>, ProblemHttpResult>> (CreditPublicQuery query, AgencyDirectory agencies, long id, CancellationToken ct) =>
                await query.FindWithAgencyAsync(CreditRecordKind.Penalty, id, ct) is ({ } record, var agency)
                    ? TypedResults.Ok(PublicPenalty.From(id, (PenaltyData)record, (await agencies.ReferencesAsync(ct))(agency))) : NotFound())
            .WithName("GetCreditPenalty")
            .WithSummary("单条行政处罚公示信息")
            .WithDescription("按编号（列表中的 id）返回一条公示中的行政处罚，字段与列表相同，自然人姓名和证件号码已脱敏；罚款和没收金额单位为万元。" +
                "不存在、公示期满、已信用修复或已撤回的返回 404。")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Penalty);
        return api;
    }

    private const string Description =
        "按决定日期倒序分页。q 为查询内容；by 为查询项：name（行政相对人名称，自然人为脱敏后的名称）、code（统一社会信用代码）、number（决定文书号，括号和全半角不限）；match 为 prefix（前缀，默认）或 exact（精确）。自然人姓名和证件号码已脱敏。";

    private static async Task<Results<Ok<CreditPage<T>>, ValidationProblem>> ListAsync<T>(
        CreditPublicQuery query, AgencyDirectory agencies, PublicAgency site, CreditRecordKind kind, string? q, string? by, string? match, string? reach, int? page, int? pageSize,
        Func<long, CreditRecordData, AgencyReference, T> map, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        // On an agency's site (/a/{code}/api/v1/credit/… or its host name): its own records (本级) unless reach says
        // subtree (含下级) or all (全部); elsewhere every agency's, as before.
        IReadOnlyList<string>? scope = null;
        if (site.Code is { } siteAgency)
        {
            if (AgencyReaches.Parse(reach) is { } chosen)
            {
                scope = (await agencies.TreeAsync(cancellationToken)).Reach(siteAgency, chosen);
            }
            else
            {
                errors["reach"] = ["reach 应为 own（本级）、subtree（含下级）或 all（全部）。"];
            }
        }

        CreditSearchField? field = by switch
        {
            null or "" or "name" => CreditSearchField.Name,
            "code" => CreditSearchField.CreditCode,
            "number" => CreditSearchField.DecisionNumber,
            _ => null,
        };
        CreditSearchMatch? mode = match switch
        {
            null or "" or "prefix" => CreditSearchMatch.Prefix,
            "exact" => CreditSearchMatch.Exact,
            _ => null,
        };
        if (field is null)
        {
            errors["by"] = ["查询项应为 name、code 或 number。"];
        }

        if (mode is null)
        {
            errors["match"] = ["匹配方式应为 prefix 或 exact。"];
        }

        if (q is { Length: > 100 })
        {
            errors["q"] = ["查询内容不能超过 100 个字。"];
        }

        if (page is < 1)
        {
            errors["page"] = ["页码应从 1 开始。"];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"每页条数应在 1 到 {MaxPageSize} 之间。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "查询参数有误");
        }

        var (number, size) = (page ?? 1, pageSize ?? 20);
        var (items, total) = await query.ListAsync(kind, new CreditSearch(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), field!.Value, mode!.Value, scope), number, size, cancellationToken);
        var agency = await agencies.ReferencesAsync(cancellationToken);
        return TypedResults.Ok(new CreditPage<T>(number, size, total, items.Select(i => map(i.Id, i.Record, agency(i.AgencyCode))).ToList()));
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "记录不存在或不在公示中。", statusCode: StatusCodes.Status404NotFound);
}
