namespace Disclosure.Channels.Outbox;

/// <summary>
/// A destination for published content. Channels are scoped services; the dispatcher makes a scope per delivery.
/// A channel must be safe to call again with the same message (after a crash or a lapsed claim): it resumes from
/// <see cref="DeliveryContext.Progress"/> and the stream's live remote id rather than repeating side effects.
/// </summary>
public interface IChannel
{
    /// <summary>A <see cref="Core.Channels.ChannelNames"/> value.</summary>
    string Name { get; }

    /// <summary>
    /// Every target now (a webhook per configured endpoint and per API subscription, an official account per agency)
    /// with the agencies it serves; empty when the channel is not configured on this site, in which case no message is
    /// written for it. Read per use, never cached beyond the caller's scope: targets kept in the database change on any
    /// node, and the next publication on every node must see them.
    /// </summary>
    Task<IReadOnlyList<ChannelTarget>> GetTargetsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The targets an item of <paramref name="agency"/> gets messages for now (<paramref name="ownAgency"/> is the
    /// installation's own, which targets configured without an agency serve): by default every target that serves the
    /// agency; a channel narrows it (one official account per agency, a Weibo account nobody has linked yet). Read
    /// inside the publication's transaction.
    /// </summary>
    async Task<IReadOnlyList<string>> ActiveTargetsForAsync(string agency, string ownAgency, CancellationToken cancellationToken) =>
        (await GetTargetsAsync(cancellationToken)).Where(t => t.Serves(agency, ownAgency)).Select(t => t.Name).ToList();

    /// <summary>
    /// Why <paramref name="message"/> cannot be delivered (zh-CN, for the 发布渠道 page), or null when it can be tried.
    /// By default a publication or update whose target is no longer among <see cref="GetTargetsAsync"/> cannot; a
    /// withdrawal is always tried (the channel says what it can take down).
    /// </summary>
    async Task<string?> RefusalAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        message.Kind != Storage.Entities.ChangeKind.Withdrawn && !(await GetTargetsAsync(cancellationToken)).Any(t => t.Name == message.Target)
            ? $"发布渠道“{Core.Channels.ChannelNames.DisplayName(message.Channel)}”{(message.Target.Length > 0 ? $"（{message.Target}）" : null)}未配置或已停用，请检查站点配置后重试。"
            : null;

    /// <summary>
    /// Whether <paramref name="target"/> is gone for good (a deleted subscription): its streams get nothing more, not
    /// even the withdrawal of an item it once received, which could only fail.
    /// </summary>
    Task<bool> IsRetiredAsync(string target, CancellationToken cancellationToken) => Task.FromResult(false);

    Task<DeliveryResult> DeliverAsync(DeliveryContext context, CancellationToken cancellationToken);
}
