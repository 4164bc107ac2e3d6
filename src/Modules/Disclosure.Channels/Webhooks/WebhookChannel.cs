using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Disclosure.Channels.Content;
using Disclosure.Channels.Notices;
using Disclosure.Channels.Outbox;
using Disclosure.Core.Channels;
using Disclosure.Storage.Entities;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Webhooks;

/// <summary>
/// The app (移动客户端): the change feed already carries everything, and this pushes each change to the configured
/// endpoints at once, signed (see <see cref="WebhookSignature"/>), with the idempotency key so a receiver can drop
/// the duplicate a retry after a lost response produces. Notices (<see cref="OutboxNotices"/>) go the same way, with
/// the <c>notice</c> event and what their source says.
/// </summary>
public sealed class WebhookChannel(
    IHttpClientFactory clients, IOptions<WebhookOptions> options, ChannelItemLoader items, IEnumerable<INoticeSource> notices, TimeProvider clock) : IChannel
{
    public const string HttpClientName = "Disclosure.Webhooks";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string Name => ChannelNames.App;

    public IReadOnlyList<ChannelTarget> Targets => options.Value.Endpoints.Where(e => e.IsConfigured).Select(e => e.Target()).ToList();

    public async Task<DeliveryResult> DeliverAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var endpoint = options.Value.Endpoints.FirstOrDefault(e => e.Name == message.Target);
        if (endpoint is null || string.IsNullOrEmpty(endpoint.Url))
        {
            return new DeliveryResult.Fail($"推送地址“{message.Target}”未配置（Channels:Webhooks:Endpoints）。");
        }

        if (OutboxNotices.IsNotice(message))
        {
            return await DeliverNoticeAsync(endpoint, message, cancellationToken);
        }

        var item = await items.LoadAsync(message.ContentItemId, message.VersionNumber, cancellationToken);
        if (item is null)
        {
            return new DeliveryResult.Fail($"内容“{message.ContentItemId}”第 {message.VersionNumber} 版不存在。");
        }

        var payload = new WebhookPayload
        {
            Id = message.IdempotencyKey,
            Event = message.Kind.ToString().ToLowerInvariant(),
            Sequence = message.ChangeSequence,
            ContentItemId = message.ContentItemId,
            ContentType = message.ContentType,
            Version = message.VersionNumber,
            Title = item.Version.Title,
            Summary = message.Kind == ChangeKind.Withdrawn ? null : item.Summary,
            Url = item.Url,
            IndexNumber = item.Item.IndexNumber,
            OccurredAt = message.CreatedUtc,
            Reason = message.Kind == ChangeKind.Withdrawn ? item.Version.WithdrawReason : null,
        };
        return await PostAsync(endpoint, message, payload.Event, JsonSerializer.SerializeToUtf8Bytes(payload, Json), item.Url, cancellationToken);
    }

    private async Task<DeliveryResult> DeliverNoticeAsync(WebhookEndpoint endpoint, OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = OutboxNotices.TypeOf(message)!;
        var source = notices.FirstOrDefault(n => n.Type == type);
        var reference = OutboxNotices.ReferenceOf(message);
        if (source is null || reference is null)
        {
            return new DeliveryResult.Fail($"通知类型“{type}”无人处理（相应模块未安装）。");
        }

        var data = await source.LoadAsync(reference, cancellationToken);
        if (data is null)
        {
            return new DeliveryResult.Fail($"通知“{message.ContentItemId}”所述的记录已不存在。");
        }

        var payload = new WebhookNoticePayload { Id = message.IdempotencyKey, Notice = type, OccurredAt = message.CreatedUtc, Data = data };
        return await PostAsync(endpoint, message, payload.Event, JsonSerializer.SerializeToUtf8Bytes(payload, Json), null, cancellationToken);
    }

    private async Task<DeliveryResult> PostAsync(WebhookEndpoint endpoint, OutboxMessage message, string eventName, byte[] body, string? url, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(endpoint.Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.IdempotencyKeyHeader, message.IdempotencyKey);
        request.Headers.Add(WebhookSignature.EventHeader, eventName);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new DeliveryResult.Delivered(response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null, url);
        }

        var reason = $"推送地址返回 HTTP {status}{(response.ReasonPhrase is { Length: > 0 } phrase ? " " + phrase : null)}。";
        // 408, 429 and 5xx are the receiver's passing trouble; any other 4xx (bad signature, unknown path) needs a person.
        return status is 408 or 429 || status >= 500
            ? new DeliveryResult.Retry(reason)
            : new DeliveryResult.Fail(reason + "请检查推送地址与密钥配置后重试。");
    }
}
