using Disclosure.Core.Settings;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Disclosure.Accounts.Agencies;

/// <summary>
/// The agencies as a tree: <c>/api/v1/agencies</c>, anonymous like the rest of the read API. Each agency carries its
/// public identity as it applies to it (the installation's settings overlaid by its ancestors' and its own).
/// Agencies and their settings are public read models, so the site's ETag and cache follow their changes.
/// </summary>
public static class AgencyApi
{
    public static IEndpointRouteBuilder MapAgencyApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/agencies", ListAsync)
            .WithTags("机构")
            .WithName("ListAgencies")
            .WithSummary("机构树")
            .WithDescription("全部机构（上级机关在前，下级机构在 children 中），含区划代码、统一社会信用代码、是否接受网上申请，以及适用于该机构的联系地址、复议机关、主办单位等标识信息（未单独设置的沿用上级机关和本平台的设置）。")
            .WithResponseExample(StatusCodes.Status200OK, Example);
        return api;
    }

    /// <summary>The OpenAPI document's example: a city bureau with one county bureau below it.</summary>
    private static readonly AgencyTreeResponse Example = new(2,
    [
        new PublicAgencyNode("150600-103", "鄂尔多斯市公安局", null, "150600", "11150600MB1572216R", true,
            new Dictionary<string, string> { ["officeAddress"] = "鄂尔多斯市康巴什区市府大楼", ["officePhone"] = "0477-8580110", ["reconsiderationAuthority"] = "鄂尔多斯市人民政府" },
            [
                new PublicAgencyNode("150627-103", "伊金霍洛旗公安局", "150600-103", "150627", null, true,
                    new Dictionary<string, string> { ["officeAddress"] = "伊金霍洛旗阿勒腾席热镇伊金霍洛大街 8 号", ["officePhone"] = "0477-8612110", ["reconsiderationAuthority"] = "伊金霍洛旗人民政府" },
                    []),
            ]),
    ]);

    private static async Task<Ok<AgencyTreeResponse>> ListAsync(AgencyDirectory directory, SiteIdentityStore identities, CancellationToken cancellationToken)
    {
        var tree = await directory.TreeAsync(cancellationToken);
        var identity = await identities.LoadAllAsync(cancellationToken);
        return TypedResults.Ok(new AgencyTreeResponse(tree.Count, tree.Roots.Select(r => Node(r, identity)).ToList()));
    }

    private static PublicAgencyNode Node(AgencyNode node, IReadOnlyDictionary<string, SiteIdentity> identity)
    {
        var agency = node.Agency;
        var own = identity.GetValueOrDefault(agency.Code);
        return new PublicAgencyNode(
            agency.Code,
            agency.Name,
            node.Depth == 0 ? null : agency.ParentCode,
            agency.AreaCode,
            agency.CreditCode,
            agency.AcceptsOnlineRequests,
            SiteIdentityFields.PerAgency.ToDictionary(f => Camel(f.Name), f => own?[f.Name] ?? string.Empty),
            node.Children.Select(c => Node(c, identity)).ToList());
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>The whole forest: how many agencies, and the roots with their children.</summary>
public sealed record AgencyTreeResponse(int Count, IReadOnlyList<PublicAgencyNode> Agencies);

/// <summary>One agency in the tree.</summary>
public sealed record PublicAgencyNode(
    string Code,
    string Name,
    string? Parent,                                 // 上级机关代码; null for a root
    string AreaCode,                                // 行政区划代码
    string? CreditCode,                             // 统一社会信用代码
    bool AcceptsOnlineRequests,                     // 是否接受网上依申请公开
    IReadOnlyDictionary<string, string> Identity,   // 联系地址、电话、行政复议机关、行政诉讼法院、主办单位、网站标识 … as they apply
    IReadOnlyList<PublicAgencyNode> Children);
