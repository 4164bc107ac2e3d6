using Disclosure.Contents;
using Disclosure.Contents.Catalogue;
using Disclosure.Contents.Items;
using Disclosure.Core.Settings;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;

namespace Disclosure.Site.Controllers;

public sealed record QuickLink(string Title, string Url, string? Description = null);

public sealed record HomePage(IReadOnlyList<ListRow> Latest, IReadOnlyList<CatalogueNode> Catalogue, IReadOnlyList<(CatalogueNode Class, int Count)> Counts, IReadOnlyList<QuickLink> QuickLinks);

/// <summary>信息公开目录: the tree, the selected class (null for everything) and its page of rows.</summary>
public sealed record CataloguePage(CatalogueTree Tree, CatalogueNode? Selected, IReadOnlyList<CatalogueNode> Path, RowPage Rows, AgencyListing Listing);

public sealed record TypeListingPage(string Type, string DisplayName, string? Description, RowPage Rows, AgencyListing Listing);

public sealed record ErrorPage(int StatusCode, string Title, string Message);

/// <summary>机构导航: every agency in tree order, with the items it published itself and with those below it.</summary>
public sealed record AgencyPortalPage(IReadOnlyList<AgencyPortalRow> Agencies);

/// <summary>One agency of the portal; <see cref="HostName"/> is its own host name when it has one (its site is there).</summary>
public sealed record AgencyPortalRow(AgencyNode Agency, int Published, int PublishedWithSubordinates, string? HostName = null)
{
    /// <summary>Where the agency's site is: its path on this installation (<c>/a/{code}</c>, valid on any host).</summary>
    public string Url => $"/a/{Uri.EscapeDataString(Agency.Code)}";
}

/// <summary>An agency's 信息公开 page: where it sits, its contacts, how far the list reaches and the list itself.</summary>
public sealed record AgencyHomePage(
    AgencyNode Agency,
    IReadOnlyList<AgencyRecord> Path,
    SiteIdentity Identity,
    AgencyReach Reach,
    RowPage Rows)
{
    /// <summary>The page's address for a reach and page (本级 is the default and left out).</summary>
    public string Url(AgencyReach reach, int page = 1) =>
        $"/a/{Uri.EscapeDataString(Agency.Code)}" + (reach, page) switch
        {
            (AgencyReach.Own, 1) => string.Empty,
            (AgencyReach.Own, _) => $"?page={page}",
            _ => $"?reach={(reach == AgencyReach.All ? "all" : "subtree")}" + (page == 1 ? string.Empty : $"&page={page}"),
        };
}

