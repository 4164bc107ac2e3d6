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
    /// The targets a publication goes to (a webhook per endpoint); empty when the channel is not configured on this
    /// site, in which case no message is written for it.
    /// </summary>
    IReadOnlyList<string> Targets { get; }

    Task<DeliveryResult> DeliverAsync(DeliveryContext context, CancellationToken cancellationToken);
}
