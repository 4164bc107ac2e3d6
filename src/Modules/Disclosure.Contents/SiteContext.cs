using Disclosure.Contents.Catalogue;
using Disclosure.Core.Settings;
using Disclosure.Storage;
using Disclosure.Storage.Settings;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents;

/// <summary>What every public page needs from the site settings, loaded once per request.</summary>
public sealed class SiteContext(DisclosureDbContext db, SiteIdentityStore identityStore)
{
    public const string SiteNameSetting = "SiteName";

    /// <summary>The content item shown as the 政府信息公开指南.</summary>
    public const string GuideSetting = "GuideContentItemId";

    private Dictionary<string, string>? _settings;

    private CatalogueTree? _catalogue;

    private SiteIdentity? _identity;

    public async Task<string> SiteNameAsync(CancellationToken cancellationToken = default) =>
        (await SettingsAsync(cancellationToken)).GetValueOrDefault(SiteNameSetting, "政府信息公开平台");

    public async Task<string?> SettingAsync(string name, CancellationToken cancellationToken = default) =>
        (await SettingsAsync(cancellationToken)).GetValueOrDefault(name);

    /// <summary>The office's identity from 站点设置: the footer's 主办单位 and 备案 marks, the 依申请公开 contact.</summary>
    public async Task<SiteIdentity> IdentityAsync(CancellationToken cancellationToken = default) =>
        _identity ??= await identityStore.LoadAsync(cancellationToken);

    public async Task<CatalogueTree> CatalogueAsync(CancellationToken cancellationToken = default) =>
        _catalogue ??= await CatalogueTree.LoadAsync(db, cancellationToken);

    private async Task<Dictionary<string, string>> SettingsAsync(CancellationToken cancellationToken) =>
        _settings ??= await db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Value, cancellationToken);
}
