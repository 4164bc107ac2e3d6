using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Disclosure.Channels.Content;
using Disclosure.Channels.Notices;
using Disclosure.Channels.Outbox;
using Disclosure.Core.Channels;
using Disclosure.Core.Time;
using Disclosure.Storage.Entities;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Webhooks;

/// <summary>
/// The app (移动客户端): the change feed already carries everything, and this pushes each change to the app's endpoints
/// at once — those configured (<c>Channels:Webhooks:Endpoints</c>) and those API clients subscribed for their agencies
/// (<see cref="WebhookSubscriptions"/>) — signed (see <see cref="WebhookSignature"/>), with the idempotency key so a
/// receiver can drop the duplicate a retry after a lost response produces. Notices (<see cref="OutboxNotices"/>) go
/// the same way, to the configured endpoints only, with the <c>notice</c> event and what their source says.
/// </summary>
public sealed class WebhookChannel(
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    WebhookSubscriptions subscriptions,
    ChannelItemLoader items,
    IEnumerable<INoticeSource> notices,
    TimeProvider clock) : IChannel
{
    public const string HttpClientName = "Disclosure.Webhooks";

    /// <summary>The client for subscriptions' addresses: connects to public addresses only and follows no redirect (SSRF, see <see cref="WebhookUrls"/>).</summary>
    public const string SubscriptionHttpClientName = "Disclosure.Webhooks.Subscriptions";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string Name => ChannelNames.App;

    /// <summary>The configured endpoints, then the subscriptions that receive now (read from the database per scope).</summary>
    public async Task<IReadOnlyList<ChannelTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        [.. ConfiguredTargets(options.Value), .. await subscriptions.ReceivingTargetsAsync(cancellationToken)];

    /// <summary>The configured endpoints as targets: what notices go to (a notice is for one person, not an agency's subscribers).</summary>
    public static IReadOnlyList<ChannelTarget> ConfiguredTargets(WebhookOptions options) =>
        options.Endpoints.Where(e => e.IsConfigured).Select(e => e.Target()).ToList();

    /// <summary>A subscription deleted or switched off gets nothing more, withdrawals included; the reason says which.</summary>
    public async Task<string?> RefusalAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        Configured(message.Target) is not null ? null : Refusal(message.Target, await subscriptions.FindByNameAsync(message.Target, cancellationToken));

    /// <summary>Why the subscription named <paramref name="target"/> (null: none) receives nothing, or null when it receives.</summary>
    private static string? Refusal(string target, WebhookSubscription? subscription) => subscription switch
    {
        null => $"推送地址“{target}”未配置（Channels:Webhooks:Endpoints），也没有该名称的推送订阅。",
        { IsDeleted: true } s => $"推送订阅“{s.Name}”已于 {ChinaTime.ToLocal(s.DeletedUtc!.Value):yyyy-MM-dd HH:mm} 被接口客户端删除，不再推送。",
        { Active: false } s => $"推送订阅“{s.Name}”已停用，不再推送；接口客户端重新启用后可手动重试。",
        _ => null,
    };

    public async Task<bool> IsRetiredAsync(string target, CancellationToken cancellationToken) =>
        Configured(target) is null && (await subscriptions.FindByNameAsync(target, cancellationToken))?.IsDeleted == true;

    public async Task<DeliveryResult> DeliverAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var endpoint = Configured(message.Target);
        if (endpoint is null)
        {
            // One read of the subscription: whether it still receives, and where to and with which secret.
            var found = await subscriptions.FindByNameAsync(message.Target, cancellationToken);
            if (Refusal(message.Target, found) is { } refusal)
            {
                return new DeliveryResult.Fail(refusal);
            }

            var subscription = found!; // no refusal: it exists and receives
            if (subscriptions.SecretOf(subscription) is not { } secret)
            {
                return new DeliveryResult.Fail($"推送订阅“{subscription.Name}”的密钥无法用本节点的数据保护密钥解开：各节点须共用同一密钥目录（DataProtection:KeysFolder）。");
            }

            endpoint = new Receiver(subscription.Url, secret, SubscriptionHttpClientName);
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

    private async Task<DeliveryResult> DeliverNoticeAsync(Receiver endpoint, OutboxMessage message, CancellationToken cancellationToken)
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

    /// <summary>A configured endpoint, by its target name; null for a subscription's.</summary>
    private Receiver? Configured(string target) =>
        options.Value.Endpoints.FirstOrDefault(e => e.IsConfigured && e.Name == target) is { } e ? new Receiver(e.Url, e.Secret, HttpClientName) : null;

    private async Task<DeliveryResult> PostAsync(Receiver endpoint, OutboxMessage message, string eventName, byte[] body, string? url, CancellationToken cancellationToken)
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
        using var response = await clients.CreateClient(endpoint.HttpClient).SendAsync(request, timeout.Token);
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

    /// <summary>Where a message goes and what it is signed with, from configuration or a subscription.</summary>
    private sealed record Receiver(string Url, string Secret, string HttpClient);
}
