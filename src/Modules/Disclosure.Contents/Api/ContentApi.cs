using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Disclosure.Contents.Api;

/// <summary>The read API over published content: <c>/api/v1/content</c>. Anonymous readers see published versions only.</summary>
public static class ContentApi
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/content").WithTags("内容");
        group.MapGet("/", ListAsync)
            .WithName("ListContent")
            .WithSummary("已发布内容列表")
            .WithDescription("按内容类型（type）、目录分类（catalogue，含下级分类）、发布机构（agency；reach=own 本级（默认）、subtree 含下级、all 全部）、发布年度（year）筛选，按发布时间倒序分页。")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Page);
        group.MapGet("/{id}", GetAsync)
            .WithName("GetContent")
            .WithSummary("单条已发布内容")
            .WithDescription("返回已发布版本的完整数据；已撤回的内容返回 410 及撤回说明。")
            .WithResponseExample(StatusCodes.Status200OK, ApiExamples.Detail);
        return api;
    }

    private static async Task<Results<Ok<ContentPage>, ValidationProblem>> ListAsync(
        PublishedContentQuery query,
        ContentDefinitionStore definitions,
        string? type,
        string? catalogue,
        AgencyDirectory agencyDirectory,
        Sites.PublicAgency site,
        string? agency,
        string? reach,
        int? year,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        IReadOnlyList<string>? agencyCodes = null;
        // On an agency's site (/a/{code}/api/v1/content or its host name) the agency is the site's unless one is named.
        if ((Blank(agency) ?? site.Code) is { } agencyCode)
        {
            // 本级 by default; 含下级 (reach=subtree) adds the agencies below it, 全部 (reach=all) drops the filter.
            var tree = await agencyDirectory.TreeAsync(cancellationToken);
            if (tree.Find(agencyCode) is null)
            {
                errors["agency"] = [$"机构“{agencyCode}”不存在。"];
            }
            else if (AgencyReaches.Parse(reach) is not { } chosen)
            {
                errors["reach"] = ["reach 应为 own（本级）、subtree（含下级）或 all（全部）。"];
            }
            else
            {
                agencyCodes = tree.Reach(agencyCode, chosen);
            }
        }
        else if (Blank(reach) is not null)
        {
            errors["reach"] = ["reach 须与 agency 一起使用。"];
        }

        if (type is not null && await definitions.FindAsync(type, cancellationToken) is null)
        {
            errors["type"] = [$"内容类型“{type}”不存在。"];
        }

        if (year is < 1900 or > 2100)
        {
            errors["year"] = ["年度应在 1900 到 2100 之间。"];
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

        var result = await query.ListAsync(new PublishedContentFilter(type, Blank(catalogue), agencyCodes, year), page ?? 1, pageSize ?? 20, cancellationToken);
        var agencies = await query.AgencyNamesAsync(cancellationToken);
        var catalogueNames = await query.CatalogueNamesAsync(cancellationToken);
        var items = result.Items.Select(c => Summarise(c, agencies, catalogueNames)).ToList();
        return TypedResults.Ok(new ContentPage(result.Page, result.PageSize, result.Total, items));
    }

    private static async Task<Results<Ok<ContentDetail>, JsonHttpResult<WithdrawnNotice>, ProblemHttpResult>> GetAsync(
        PublishedContentQuery query,
        string id,
        CancellationToken cancellationToken)
    {
        var content = await query.FindPublicAsync(id, cancellationToken);
        if (content is null)
        {
            return TypedResults.Problem(title: "内容不存在或尚未发布。", statusCode: StatusCodes.Status404NotFound);
        }

        var version = content.Version;
        if (version.Status == ContentStatus.Withdrawn)
        {
            var notice = new WithdrawnNotice(content.Item.ContentItemId, version.Title, content.Item.IndexNumber,
                version.WithdrawnUtc is { } at ? ChinaTime.ToLocal(at) : null, version.WithdrawReason,
                "该信息已撤回。");
            return TypedResults.Json(notice, statusCode: StatusCodes.Status410Gone);
        }

        var agencies = await query.AgencyNamesAsync(cancellationToken);
        var catalogueNames = await query.CatalogueNamesAsync(cancellationToken);
        return TypedResults.Ok(new ContentDetail(Summarise(content, agencies, catalogueNames), ContentData.Parse(version.DataJson).Root));
    }

    /// <summary>The list and detail metadata of an item, as the REST API gives it (GraphQL answers with the very same values).</summary>
    public static ContentSummary Summarise(PublishedContent content, IReadOnlyDictionary<string, string> agencies, IReadOnlyDictionary<string, string> catalogue)
    {
        var (item, version) = (content.Item, content.Version);
        return new ContentSummary(
            item.ContentItemId,
            item.ContentType,
            version.Title,
            item.IndexNumber,
            version.DocumentNumber,
            version.CatalogueCode,
            version.CatalogueCode is { } c ? catalogue.GetValueOrDefault(c) : null,
            version.AgencyCode,
            version.AgencyCode is { } a ? agencies.GetValueOrDefault(a) : null,
            (version.WrittenDate is { } written ? DateText.Date(written) : null),
            version.PublishedUtc is { } p ? ChinaTime.ToLocal(p) : null,
            version.Number,
            $"/api/v1/content/{item.ContentItemId}");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
