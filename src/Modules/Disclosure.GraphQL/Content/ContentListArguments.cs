using Disclosure.Contents.Api;
using Disclosure.GraphQL.Execution;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;

namespace Disclosure.GraphQL.Content;

/// <summary>The filters of <c>contents</c>, the same as <c>/api/v1/content</c>'s, checked with the same zh-CN messages.</summary>
public sealed record ContentListArguments(string? Type, string? Catalogue, string? Agency, string? Reach, int? Year, int Page, int PageSize)
{
    /// <summary>
    /// The filter to run, or an <see cref="InvalidArgumentError"/> for the first argument that is wrong. On an agency's
    /// site (<paramref name="siteAgency"/>: <c>/a/{code}/graphql</c> or its host name) the agency is the site's unless
    /// one is named, as <c>/api/v1/content</c> there.
    /// </summary>
    public async Task<PublishedContentFilter> ToFilterAsync(
        ContentDefinitionStore definitions, AgencyDirectory agencyDirectory, string? siteAgency, CancellationToken cancellationToken)
    {
        CheckPaging(Page, PageSize);
        if (Year is < 1900 or > 2100)
        {
            throw new InvalidArgumentError("year", "年度应在 1900 到 2100 之间。");
        }

        if (Blank(Type) is { } type && await definitions.FindAsync(type, cancellationToken) is null)
        {
            throw new InvalidArgumentError("type", $"内容类型“{type}”不存在。");
        }

        IReadOnlyList<string>? agencyCodes = null;
        if ((Blank(Agency) ?? siteAgency) is { } agency)
        {
            // 本级 by default; 含下级 (reach: "subtree") adds the agencies below it, 全部 (reach: "all") drops the filter.
            var tree = await agencyDirectory.TreeAsync(cancellationToken);
            if (tree.Find(agency) is null)
            {
                throw new InvalidArgumentError("agency", $"机构“{agency}”不存在。");
            }

            var reach = AgencyReaches.Parse(Reach) ?? throw new InvalidArgumentError("reach", "reach 应为 own（本级）、subtree（含下级）或 all（全部）。");
            agencyCodes = tree.Reach(agency, reach);
        }
        else if (Blank(Reach) is not null)
        {
            throw new InvalidArgumentError("reach", "reach 须与 agency 一起使用。");
        }

        return new PublishedContentFilter(Blank(Type), Blank(Catalogue), agencyCodes, Year);
    }

    /// <summary>Pages start at 1 and hold at most <see cref="ContentApi.MaxPageSize"/> items, as in REST.</summary>
    public static void CheckPaging(int page, int pageSize)
    {
        if (page < 1)
        {
            throw new InvalidArgumentError("page", "页码应从 1 开始。");
        }

        if (pageSize is < 1 or > ContentApi.MaxPageSize)
        {
            throw new InvalidArgumentError("pageSize", $"每页条数应在 1 到 {ContentApi.MaxPageSize} 之间。");
        }
    }

    private static string? Blank(string? type) => string.IsNullOrWhiteSpace(type) ? null : type.Trim();
}
