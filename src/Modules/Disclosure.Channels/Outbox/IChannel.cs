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
    /// Every configured target (a webhook per endpoint, an official account per agency) with the agencies it serves;
    /// empty when the channel is not configured on this site, in which case no message is written for it.
    /// </summary>
    IReadOnlyList<ChannelTarget> Targets { get; }

    /// <summary>
    /// The targets an item of <paramref name="agency"/> goes to (<paramref name="ownAgency"/> is the installation's
    /// own, which targets configured without an agency serve); none when the agency has no target of this channel.
    /// </summary>
    IReadOnlyList<string> TargetsFor(string agency, string ownAgency) =>
        Targets.Where(t => t.Serves(agency, ownAgency)).Select(t => t.Name).ToList();

    /// <summary>
    /// The targets an item of <paramref name="agency"/> gets messages for now: <see cref="TargetsFor"/>, less those a
    /// channel cannot use yet (a Weibo account nobody has linked). Read inside the publication's transaction.
    /// </summary>
    Task<IReadOnlyList<string>> ActiveTargetsForAsync(string agency, string ownAgency, CancellationToken cancellationToken) =>
        Task.FromResult(TargetsFor(agency, ownAgency));

    Task<DeliveryResult> DeliverAsync(DeliveryContext context, CancellationToken cancellationToken);
}
