using Disclosure.Channels.Content;
using Disclosure.Channels.Outbox;
using Disclosure.Contents.Items;
using Disclosure.Core.Channels;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;

namespace Disclosure.Channels.Web;

/// <summary>
/// The public site (政府网站). The site's page cache is keyed by the change log's head, so it needs no eviction
/// from here: the change is public as soon as a node sees the new head. This channel therefore only confirms it, by
/// reading the item through the same query the public item page uses, and records the page's address; a delivery
/// is marked sent only once that read shows the message's version (or something newer).
/// </summary>
public sealed class WebChannel(PublishedContentQuery query, ChannelItemLoader items) : IChannel
{
    /// <summary>One site for every agency: each agency's items are on it (its own pages are <c>/a/{code}</c>).</summary>
    private static readonly IReadOnlyList<ChannelTarget> SingleTarget = [ChannelTarget.ForEveryAgency(string.Empty)];

    public string Name => ChannelNames.Web;

    public Task<IReadOnlyList<ChannelTarget>> GetTargetsAsync(CancellationToken cancellationToken) => Task.FromResult(SingleTarget);

    public async Task<DeliveryResult> DeliverAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var url = items.AbsoluteUrl(ItemUrls.Item(message.ContentItemId));
        var shown = await query.FindPublicAsync(message.ContentItemId, cancellationToken);
        var visible = (message.Kind, shown?.Version.Status) switch
        {
            // Published or updated: the page shows this version, or a later one already replaced it.
            (not ChangeKind.Withdrawn, ContentStatus.Published) => shown!.Version.Number >= message.VersionNumber,
            (not ChangeKind.Withdrawn, ContentStatus.Withdrawn) => true, // withdrawn since; that change has its own message
            // Withdrawn: the page shows the notice, or the item was published again since.
            (ChangeKind.Withdrawn, ContentStatus.Withdrawn) => true,
            (ChangeKind.Withdrawn, ContentStatus.Published) => shown!.Version.Number > message.VersionNumber,
            (ChangeKind.Withdrawn, null) => true,
            _ => false,
        };
        return visible
            ? new DeliveryResult.Delivered(null, url)
            : new DeliveryResult.Retry("公众页面尚未显示该版本。");
    }
}
