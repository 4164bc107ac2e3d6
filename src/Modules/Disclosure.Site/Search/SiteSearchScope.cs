using Disclosure.Contents;
using Disclosure.Search.Suggestions;

namespace Disclosure.Site.Search;

/// <summary>
/// The search suggestions of an agency's site cover what its search page covers: <see cref="SiteContext.ListingAsync"/>
/// for the visitor's <c>reach</c> (本级 by default); the installation's own site covers every agency.
/// </summary>
public sealed class SiteSearchScope(SiteContext site) : ISearchSiteScope
{
    public async Task<SearchSiteScope> ResolveAsync(string? reach, CancellationToken cancellationToken) =>
        await site.ListingAsync(reach, cancellationToken) is { } listing
            ? new SearchSiteScope(listing.Agencies)
            : new SearchSiteScope(null, "reach 应为 own（本级）、subtree（含下级）或 all（全部）。");
}
