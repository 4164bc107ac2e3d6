using Disclosure.ApiClients;
using Disclosure.Contents.Api;
using Disclosure.Contents.Sites;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Paging;
using Disclosure.Core.Time;
using Disclosure.GraphQL.Access;
using Disclosure.GraphQL.Execution;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.GraphQL.Content;

/// <summary>
/// The content side of the schema. Published content goes through <see cref="PublishedContentQuery"/> and
/// <see cref="ContentApi.Summarise"/>, exactly as <c>/api/v1/content</c>, so both APIs list the same items with the same
/// metadata. Drafts (the latest version of an item not yet public) only for a caller who may read its agency's.
/// </summary>
public sealed class ContentReader(
    PublishedContentQuery published,
    ContentDefinitionStore definitions,
    AgencyDirectory agencyDirectory,
    PublicAgency site,
    DisclosureDbContext db)
{
    /// <summary>The statuses of versions being worked on: what <c>drafts</c> lists.</summary>
    private static readonly ContentStatus[] OpenStatuses = [ContentStatus.Draft, ContentStatus.InReview, ContentStatus.Approved, ContentStatus.Scheduled];

    private IReadOnlyDictionary<string, string>? _agencyNames;
    private IReadOnlyDictionary<string, string>? _catalogueNames;

    public async Task<ContentNodePage> ListAsync(ContentListArguments arguments, CancellationToken cancellationToken)
    {
        var filter = await arguments.ToFilterAsync(definitions, agencyDirectory, site.Code, cancellationToken);
        var result = await published.ListAsync(filter, arguments.Page, arguments.PageSize, cancellationToken);
        return new ContentNodePage(result.Total, result.Page, result.PageSize, await NodesAsync(result.Items, cancellationToken));
    }

    /// <summary>The published item; a withdrawn one is a <see cref="WithdrawnError"/> carrying the notice, as REST's 410.</summary>
    public async Task<ContentNode> GetPublishedAsync(string id, CancellationToken cancellationToken)
    {
        var content = await published.FindPublicAsync(id, cancellationToken) ?? throw NotFound();
        var version = content.Version;
        if (version.Status == ContentStatus.Withdrawn)
        {
            throw new WithdrawnError(content.Item.ContentItemId, version.Title, content.Item.IndexNumber,
                version.WithdrawnUtc is { } at ? ChinaTime.ToLocal(at) : null, version.WithdrawReason);
        }

        return (await NodesAsync([content], cancellationToken))[0];
    }

    /// <summary>The latest version of an item of the caller's agency, whatever its status; another agency's is not found.</summary>
    public async Task<ContentNode> GetLatestAsync(string id, GraphQLCaller caller, CancellationToken cancellationToken)
    {
        var agency = RequireDrafts(caller);
        var version = await LatestVersions(agency).SingleOrDefaultAsync(v => v.Item.ContentItemId == id, cancellationToken) ?? throw NotFound();
        return (await NodesAsync([new PublishedContent(version.Item, version)], cancellationToken))[0];
    }

    /// <summary>The caller's agency's items whose latest version is not public yet (草稿, 审核中, 已审批, 定时发布), newest first.</summary>
    public async Task<ContentNodePage> ListDraftsAsync(GraphQLCaller caller, string? type, int page, int pageSize, CancellationToken cancellationToken)
    {
        var agency = RequireDrafts(caller);
        ContentListArguments.CheckPaging(page, pageSize);
        var query = LatestVersions(agency).Where(v => OpenStatuses.Contains(v.Status));
        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(v => v.ContentType == type.Trim());
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(v => v.CreatedUtc).ThenByDescending(v => v.Id)
            .Skip(PageLimits.Offset(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new ContentNodePage(total, page, pageSize, await NodesAsync(rows.Select(v => new PublishedContent(v.Item, v)).ToList(), cancellationToken));
    }

    /// <summary>The items a content picker names that are public now, in the order named; the others are left out.</summary>
    public async Task<IReadOnlyList<ContentNode>> PublishedByIdsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var versions = await published.PublishedVersionsAsync(ids, cancellationToken);
        var found = ids.Distinct().Where(versions.ContainsKey).Select(id => new PublishedContent(versions[id].Item, versions[id])).ToList();
        return await NodesAsync(found, cancellationToken);
    }

    private IQueryable<ContentVersionRecord> LatestVersions(string agency) =>
        db.ContentVersions.AsNoTracking().Include(v => v.Item)
            .Where(v => v.Item.AgencyCode == agency && v.Number == v.Item.LatestVersionNumber);

    private static string RequireDrafts(GraphQLCaller caller) => caller.DraftAgency
        ?? throw new DisclosureGraphQLError(GraphQLErrorCodes.Forbidden, $"读取草稿需要具有 {ApiScopes.ReadDrafts} 权限的 API 客户端令牌。");

    private static DisclosureGraphQLError NotFound() => new(GraphQLErrorCodes.NotFound, "内容不存在或尚未发布。");

    private async Task<IReadOnlyList<ContentNode>> NodesAsync(IReadOnlyList<PublishedContent> contents, CancellationToken cancellationToken)
    {
        if (contents.Count == 0)
        {
            return [];
        }

        // The name lists are read once per request, however many lists and pickers the query has.
        _agencyNames ??= await published.AgencyNamesAsync(cancellationToken);
        _catalogueNames ??= await published.CatalogueNamesAsync(cancellationToken);
        return contents.Select(c => new ContentNode(ContentApi.Summarise(c, _agencyNames, _catalogueNames), c.Version)).ToList();
    }
}
