namespace Disclosure.Channels.Webhooks;

/// <summary>The app's webhook endpoints, from <c>Channels:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Channels:Webhooks";

    public List<WebhookEndpoint> Endpoints { get; set; } = [];

    /// <summary>How long one POST may take before it counts as failed and is retried.</summary>
    public double TimeoutSeconds { get; set; } = 10;
}

public sealed class WebhookEndpoint
{
    /// <summary>A short name, unique among the endpoints: it names the target in the outbox and the admin.</summary>
    public string Name { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    /// <summary>The shared secret the receiver verifies the signature with.</summary>
    public string Secret { get; set; } = string.Empty;
}
