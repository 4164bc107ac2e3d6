namespace Disclosure.Channels.Webhooks;

/// <summary>
/// The examples the OpenAPI document shows for <see cref="WebhookSubscriptionsApi"/>: 永宁县公安局's app subscribed by
/// its OA client, in the API's own request and answer records. The secret is a placeholder, never a real one.
/// </summary>
internal static class WebhookSubscriptionExamples
{
    private const string Secret = "whsec_EXAMPLE-ONLY_shown-once-keep-it-safe_000000";

    private static readonly DateTimeOffset CreatedAt = new(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(8));

    public static WebhookSubscriptionRequest Create { get; } = new("yongning-app", "https://app.yongning.example.cn/hooks/disclosure", null);

    public static WebhookSubscriptionRequest Update { get; } = new(null, "https://app.yongning.example.cn/hooks/disclosure-v2", true);

    public static WebhookSubscriptionResponse Subscription { get; } = new(
        12, "yongning-app", "https://app.yongning.example.cn/hooks/disclosure", "640121-103", true, 1, "oa-3f9k2m7q", CreatedAt, CreatedAt, "/api/v1/webhooks/12");

    public static WebhookSubscriptionResponse Updated { get; } = Subscription with
    {
        Url = "https://app.yongning.example.cn/hooks/disclosure-v2", Version = 2, Updated = new DateTimeOffset(2026, 12, 8, 16, 5, 0, TimeSpan.FromHours(8)),
    };

    public static IReadOnlyList<WebhookSubscriptionResponse> List { get; } =
    [
        Subscription,
        new(9, "wechat-notice", "https://wx.yongning.example.cn/api/disclosure/notify", "640121-103", false, 4, "wx-8h2c5n1d",
            new DateTimeOffset(2026, 9, 14, 10, 12, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 2, 15, 40, 0, TimeSpan.FromHours(8)), "/api/v1/webhooks/9"),
    ];

    public static WebhookSubscriptionCreatedResponse Created { get; } = WithSecret(Subscription);

    public static WebhookSubscriptionCreatedResponse Rotated { get; } = WithSecret(Subscription with
    {
        Version = 2, Updated = new DateTimeOffset(2026, 12, 8, 11, 20, 0, TimeSpan.FromHours(8)),
    });

    private static WebhookSubscriptionCreatedResponse WithSecret(WebhookSubscriptionResponse s) =>
        new(s.Id, s.Name, s.Url, s.Agency, s.Active, s.Version, s.CreatedBy, s.Created, s.Updated, s.Location, Secret);
}
