using Disclosure.Channels.Outbox;
using Disclosure.Channels.Webhooks;
using Disclosure.Core.Channels;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Notices;

/// <summary>
/// A notice is an outbox message that is not about a published item but tells one person of one thing (a case's
/// new step, for the party who asked to be told): it goes to the app's webhooks only, whose receiver (the app or
/// an SMS gateway) delivers it. The module that writes it owns what it says, through its <see cref="INoticeSource"/>;
/// the outbox row carries only the notice's type and reference, so no personal data is copied into it.
/// </summary>
public interface INoticeSource
{
    /// <summary>The notice type (<c>enforcement-step</c>): short, lower-case, unique among the sources.</summary>
    string Type { get; }

    /// <summary>
    /// What the receiver gets as the notice's <c>data</c> (serialised as JSON), read when it is delivered; null when
    /// the thing it tells of no longer exists (the delivery then fails for a person to look at).
    /// </summary>
    Task<object?> LoadAsync(string reference, CancellationToken cancellationToken);
}

/// <summary>How notices sit in <see cref="OutboxMessage"/>: <c>ContentType</c> <c>notice/{type}</c>, <c>ContentItemId</c> <c>{type}:{reference}</c>.</summary>
public static class OutboxNotices
{
    public const string ContentTypePrefix = "notice/";

    /// <summary>The longest reference a source may use (the item id column holds 64 characters with the type).</summary>
    public const int MaxReferenceLength = 40;

    public static bool IsNotice(OutboxMessage message) => message.ContentType.StartsWith(ContentTypePrefix, StringComparison.Ordinal);

    public static string? TypeOf(OutboxMessage message) => IsNotice(message) ? message.ContentType[ContentTypePrefix.Length..] : null;

    public static string? ReferenceOf(OutboxMessage message) =>
        TypeOf(message) is { } type && message.ContentItemId.StartsWith(type + ":", StringComparison.Ordinal) ? message.ContentItemId[(type.Length + 1)..] : null;
}

/// <summary>
/// Writes notices into the caller's unit of work (the same <see cref="DisclosureDbContext"/>, so the same transaction
/// as the change they tell of): one outbox row per configured app webhook endpoint, none when the site has none. A
/// notice is for one person, not an agency's followers, so it goes to every configured endpoint whatever agencies the
/// endpoint serves (the receiver — an SMS gateway — delivers it to that person); never to an API client's subscription,
/// which is for its agency's publications and has no business with a party's personal notices.
/// </summary>
public sealed class NoticeWriter(DisclosureDbContext db, IOptions<WebhookOptions> options, OutboxSignal signal, TimeProvider clock)
{
    private IReadOnlyList<string>? _targets;

    /// <summary>Whether any receiver is configured; when not, callers may skip working out who to notify.</summary>
    public bool HasReceivers => Targets.Count > 0;

    private IReadOnlyList<string> Targets => _targets ??= WebhookChannel.ConfiguredTargets(options.Value).Select(t => t.Name).ToList();

    /// <summary>Adds the notice's rows to the context (the caller saves); the same type and reference is one notice.</summary>
    public int Add(string type, string reference)
    {
        if (reference.Length is 0 or > OutboxNotices.MaxReferenceLength || type.Length is 0 or > 20)
        {
            throw new ArgumentException($"Notice reference '{reference}' of type '{type}' is empty or too long.", nameof(reference));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = $"{type}:{reference}";
        foreach (var target in Targets)
        {
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                Stream = OutboxWriter.StreamOf(ChannelNames.App, target, item),
                Channel = ChannelNames.App,
                Target = target,
                ContentItemId = item,
                ContentType = OutboxNotices.ContentTypePrefix + type,
                VersionNumber = 1,
                Kind = ChangeKind.Published,
                IdempotencyKey = $"notice-{item}-{ChannelNames.App}-{target}",
                State = OutboxState.Pending,
                CreatedUtc = now,
                NextAttemptUtc = now,
            });
        }

        if (Targets.Count > 0)
        {
            signal.WakeAfterCommit(db);
        }

        return Targets.Count;
    }
}
