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

/// <summary>
/// The JSON a webhook receives for a notice to one person (<c>event</c> <c>notice</c>): <see cref="Notice"/> names its
/// type, <see cref="Data"/> is what the notice's module says (see that module's README for the fields).
/// </summary>
public sealed record WebhookNoticePayload
{
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Always <c>notice</c>, so a receiver tells it from a publication by the same field.</summary>
    [JsonPropertyName("event")] public string Event { get; init; } = "notice";

    [JsonPropertyName("notice")] public required string Notice { get; init; }

    /// <summary>When the notice was written (UTC, ISO 8601).</summary>
    [JsonPropertyName("occurredAt")] public DateTime OccurredAt { get; init; }

    [JsonPropertyName("data")] public required object Data { get; init; }
}
