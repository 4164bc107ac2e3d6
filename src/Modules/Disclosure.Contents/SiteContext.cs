using Disclosure.Contents.Catalogue;
using Disclosure.Contents.Sites;
using Disclosure.Core.Settings;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Replicas;
using Disclosure.Storage.Settings;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents;

/// <summary>
/// What every public page needs from the site settings, loaded once per request. On an agency's site
/// (<see cref="PublicAgency"/>: <c>/a/{code}/…</c> or its own host name) the name, identity, theme and guide are that
/// agency's and the lists are scoped to it (<see cref="ListingAsync"/>); on the installation's own site nothing is scoped.
/// The settings and the 目录 are read through <see cref="PublicReadDatabase"/>, as the page's content is (the identity
/// and the agency tree by their stores, which the admin shares, from the primary).
/// </summary>
public sealed class SiteContext(PublicReadDatabase reads, SiteIdentityStore identityStore, PublicAgency publicAgency, AgencyDirectory agencies, AgencySiteStore sites)
{
    public const string SiteNameSetting = "SiteName";

    /// <summary>The content item shown as the 政府信息公开指南.</summary>
    public const string GuideSetting = "GuideContentItemId";

    private Dictionary<string, string>? _settings;

    private CatalogueTree? _catalogue;

    private SiteIdentity? _identity;

    private AgencyTree? _tree;

    private AgencySite? _site;

    /// <summary>The agency whose site this is; null on the installation's own site.</summary>
    public string? AgencyCode => publicAgency.Code;

    /// <summary>The agency whose site this is, as the tree places it; null on the installation's own site.</summary>
    public async Task<AgencyNode?> AgencyAsync(CancellationToken cancellationToken = default) =>
        AgencyCode is { } code ? (await AgencyTreeAsync(cancellationToken)).Find(code) : null;

    public async Task<AgencyTree> AgencyTreeAsync(CancellationToken cancellationToken = default) =>
        _tree ??= await agencies.TreeAsync(cancellationToken);

    /// <summary>The header's 网站名称: the agency's name on its site, else the 站点设置's.</summary>
    public async Task<string> SiteNameAsync(CancellationToken cancellationToken = default) =>
        await AgencyAsync(cancellationToken) is { } agency
            ? agency.Name
            : (await SettingsAsync(cancellationToken)).GetValueOrDefault(SiteNameSetting, "政府信息公开平台");

    public async Task<string?> SettingAsync(string name, CancellationToken cancellationToken = default) =>
        (await SettingsAsync(cancellationToken)).GetValueOrDefault(name);

    /// <summary>The 政府信息公开指南's content item: the agency's own when it names one, else the installation's.</summary>
    public async Task<string?> GuideItemIdAsync(CancellationToken cancellationToken = default) =>
        (await AgencySiteAsync(cancellationToken)).GuideContentItemId is { Length: > 0 } own ? own : await SettingAsync(GuideSetting, cancellationToken);

    /// <summary>The agency's theme and host names; <see cref="AgencySite.None"/> on the installation's own site.</summary>
    public async Task<AgencySite> AgencySiteAsync(CancellationToken cancellationToken = default) =>
        _site ??= AgencyCode is { } code ? await sites.LoadAsync(code, cancellationToken) : AgencySite.None;

    /// <summary>
    /// The office's identity from 站点设置 (the footer's 主办单位 and 备案 marks, the 依申请公开 contact); on an agency's
    /// site, that agency's (its own values over its ancestors' over the installation's).
    /// </summary>
    public async Task<SiteIdentity> IdentityAsync(CancellationToken cancellationToken = default) =>
        _identity ??= AgencyCode is { } code && (await AgencyTreeAsync(cancellationToken)).Find(code) is not null
            ? await identityStore.LoadAsync(code, cancellationToken)
            : await identityStore.LoadAsync(cancellationToken);

    /// <summary>
    /// Which agencies a public list of this site covers, for the visitor's <c>reach</c> (本级 by default, 含下级, 全部):
    /// null when the value is not one of them (the page answers 404). On the installation's own site the listing is
    /// unscoped whatever was asked.
    /// </summary>
    public async Task<AgencyListing?> ListingAsync(string? reach, CancellationToken cancellationToken = default)
    {
        if (AgencyCode is not { } code)
        {
            return AgencyListing.Everything;
        }

        if (AgencyReaches.Parse(reach) is not { } chosen)
        {
            return null;
        }

        var tree = await AgencyTreeAsync(cancellationToken);
        return new AgencyListing(code, chosen, tree.Reach(code, chosen));
    }

    public async Task<CatalogueTree> CatalogueAsync(CancellationToken cancellationToken = default) =>
        _catalogue ??= await reads.ReadAsync(db => CatalogueTree.LoadAsync(db, cancellationToken), cancellationToken);

    private async Task<Dictionary<string, string>> SettingsAsync(CancellationToken cancellationToken) =>
        _settings ??= await reads.ReadAsync(db => db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Value, cancellationToken), cancellationToken);
}

/// <summary>
/// The agencies a public list covers: <see cref="Agencies"/> null is every agency (全部, or the installation's own site).
/// <see cref="AgencyCode"/> is the site's agency when the list is on one; the page then offers the 本级/含下级/全部 choice.
/// </summary>
public sealed record AgencyListing(string? AgencyCode, AgencyReach Reach, IReadOnlyList<string>? Agencies)
{
    public static readonly AgencyListing Everything = new(null, AgencyReach.All, null);

    public bool IsScoped => AgencyCode is not null;

    /// <summary>The <c>reach</c> query value of this listing; null for the default (本级) so URLs stay as they were.</summary>
    public string? Parameter => AgencyCode is null ? null : Value(Reach);

    public static string? Value(AgencyReach reach) => reach switch
    {
        AgencyReach.WithSubordinates => "subtree",
        AgencyReach.All => "all",
        _ => null,
    };

    /// <summary><paramref name="url"/> with this listing's <c>reach</c> added (nothing for 本级).</summary>
    public string With(string url) => WithReach(url, Parameter);

    /// <summary><paramref name="url"/> with a <c>reach</c> value added (nothing for null, 本级).</summary>
    public static string WithReach(string url, string? reach) => reach is null ? url : url + (url.Contains('?') ? "&" : "?") + "reach=" + reach;
}
