using Disclosure.Core.Channels;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Channels.Outbox;

/// <summary>
/// Writes the outbox rows of a publication, update or withdrawal inside its transaction (the transactional outbox):
/// one per channel target the item goes to. A withdrawal, or an update that drops a channel from the item's
/// 公开方式, follows the publication to every stream the item was ever sent to, so nothing stays up elsewhere.
/// <para>
/// Only the targets of the agency that owns the item (its 发布机构; the installation's own agency when the item names
/// none) are written: an agency's official account and webhooks carry that agency's items and no other's, and an agency
/// without a target of its own gets none of that channel (no inheritance from the parent agency; an account that is
/// to carry a 县局's items lists the 县局 among its agencies).
/// </para>
/// </summary>
public sealed class OutboxWriter(
    DisclosureDbContext db,
    ContentDefinitionStore definitions,
    IEnumerable<IChannel> channels,
    AgencyDirectory agencies,
    OutboxSignal signal,
    TimeProvider clock) : IContentChangeObserver
{
    public async Task OnChangeAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (change.IsImport)
        {
            return; // history loaded from a recipe is not pushed to followers' phones years later
        }

        var type = await definitions.FindAsync(change.Item.ContentType, cancellationToken);
        var selected = type is null ? [] : ChannelSelection.For(type, ContentData.Parse(change.Version.DataJson));
        // A withdrawal goes to the selected channels too, so an app that learnt of the item from the change feed
        // (or content imported before the outbox) hears of it; a channel with nothing live simply confirms.
        var targets = new List<(string Channel, string Target, ChangeKind Kind)>();
        var bound = channels.Where(c => selected.Contains(c.Name)).ToList();
        if (bound.Count > 0)
        {
            var own = await agencies.DefaultCodeAsync(cancellationToken);
            var agency = change.Version.AgencyCode ?? own;
            foreach (var channel in bound)
            {
                targets.AddRange((await channel.ActiveTargetsForAsync(agency, own, cancellationToken)).Select(t => (channel.Name, t, change.Entry.Kind)));
            }
        }

        // Every stream still live for the item and not already written above gets a withdrawal, unless its target is
        // gone for good (a deleted subscription), where it could only fail.
        var itemId = change.Item.ContentItemId;
        var history = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ContentItemId == itemId)
            .Select(m => new { m.Id, m.Channel, m.Target, m.Kind })
            .ToListAsync(cancellationToken);
        var live = history.GroupBy(m => (m.Channel, m.Target))
            .Where(g => g.MaxBy(m => m.Id)!.Kind != ChangeKind.Withdrawn)
            .Select(g => g.Key);
        foreach (var (channel, target) in live)
        {
            if (!targets.Any(t => t.Channel == channel && t.Target == target)
                && !(channels.FirstOrDefault(c => c.Name == channel) is { } owner && await owner.IsRetiredAsync(target, cancellationToken)))
            {
                targets.Add((channel, target, ChangeKind.Withdrawn));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (channel, target, kind) in targets)
        {
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                Stream = StreamOf(channel, target, itemId),
                Channel = channel,
                Target = target,
                ContentItemId = itemId,
                ContentType = change.Item.ContentType,
                VersionNumber = change.Version.Number,
                ChangeSequence = change.Entry.Sequence,
                Kind = kind,
                IdempotencyKey = $"disclosure-{change.Entry.Sequence}-{channel}{(target.Length == 0 ? string.Empty : "-" + target)}",
                State = OutboxState.Pending,
                CreatedUtc = now,
                NextAttemptUtc = now,
            });
        }

        if (targets.Count > 0)
        {
            // Wakes this node's dispatcher once the transaction commits, not before: a wake-up before the commit
            // would find nothing and leave the message for the next poll.
            signal.WakeAfterCommit(db);
        }
    }

    public static string StreamOf(string channel, string target, string contentItemId) => $"{channel}/{target}/{contentItemId}";
}
