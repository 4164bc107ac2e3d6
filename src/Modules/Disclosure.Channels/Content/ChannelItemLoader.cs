using Disclosure.Contents;
using Disclosure.Contents.Items;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Disclosure;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Content;

/// <summary>Loads the version an outbox message names (not whatever is public now: each message carries its own version).</summary>
public sealed class ChannelItemLoader(DisclosureDbContext db, IOptions<PublicUrlOptions> urls)
{
    public async Task<ChannelItem?> LoadAsync(string contentItemId, int versionNumber, CancellationToken cancellationToken)
    {
        var version = await db.ContentVersions.AsNoTracking().Include(v => v.Item)
            .SingleOrDefaultAsync(v => v.Item.ContentItemId == contentItemId && v.Number == versionNumber, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var data = ContentData.Parse(version.DataJson);
        var agency = data.Agency is { } code ? await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var summary = data.GetString(DisclosureMetadataPart.PartName, DisclosureMetadataPart.Summary);
        var path = ItemUrls.Item(contentItemId);
        return new ChannelItem(version.Item, version, data, agency,
            string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(), path, AbsoluteUrl(path));
    }

    /// <summary>The public address of a site path: <c>Site:PublicUrl</c> + path, or the bare path when that is not set.</summary>
    public string AbsoluteUrl(string path) =>
        string.IsNullOrWhiteSpace(urls.Value.PublicUrl) ? path : urls.Value.PublicUrl.TrimEnd('/') + path;
}
