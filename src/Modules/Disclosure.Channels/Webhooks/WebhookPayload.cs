using System.Text.Json.Serialization;

namespace Disclosure.Channels.Webhooks;

/// <summary>
/// The JSON a webhook receives. <see cref="Id"/> is the idempotency key (also in a header): a receiver that has
/// seen it before answers 2xx and does nothing.
/// </summary>
public sealed record WebhookPayload
{
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary><c>published</c>, <c>updated</c> or <c>withdrawn</c>, as in the change feed.</summary>
    [JsonPropertyName("event")] public required string Event { get; init; }

    /// <summary>The change feed's sequence number of the change.</summary>
    [JsonPropertyName("sequence")] public long Sequence { get; init; }

    [JsonPropertyName("contentItemId")] public required string ContentItemId { get; init; }

    [JsonPropertyName("contentType")] public required string ContentType { get; init; }

    [JsonPropertyName("version")] public int Version { get; init; }

    [JsonPropertyName("title")] public required string Title { get; init; }

    [JsonPropertyName("summary")] public string? Summary { get; init; }

    [JsonPropertyName("url")] public required string Url { get; init; }

    [JsonPropertyName("indexNumber")] public string? IndexNumber { get; init; }

    /// <summary>When the change happened (UTC, ISO 8601).</summary>
    [JsonPropertyName("occurredAt")] public DateTime OccurredAt { get; init; }

    /// <summary>For a withdrawal: the reason shown on the public notice.</summary>
    [JsonPropertyName("reason")] public string? Reason { get; init; }
}
