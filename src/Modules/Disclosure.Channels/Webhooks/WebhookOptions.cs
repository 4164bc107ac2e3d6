namespace Disclosure.Channels.Webhooks;

/// <summary>
/// The app's webhook endpoints, from <c>Channels:Webhooks</c>. Each serves the agencies it names (<c>Agency</c> or
/// <c>Agencies</c>; <c>"*"</c> for every agency); one that names none serves the installation's own agency, as before.
/// API clients add endpoints of their own beside these (<see cref="WebhookSubscription"/>).
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Channels:Webhooks";

    public List<WebhookEndpoint> Endpoints { get; set; } = [];

    /// <summary>How long one POST may take before it counts as failed and is retried.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Whether subscriptions made through the API (<see cref="WebhookSubscription"/>) may name http addresses and
    /// addresses on this machine or a private network. Off by default (see <see cref="WebhookUrls"/>): on for an
    /// installation whose apps' receivers sit on its own intranet, and for tests.
    /// </summary>
    public bool AllowPrivateSubscriptionAddresses { get; set; }
}

public sealed class WebhookEndpoint
{
    /// <summary>A short name, unique among the endpoints: it names the target in the outbox and the admin.</summary>
    public string Name { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    /// <summary>The shared secret the receiver verifies the signature with.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The agency whose items go to this endpoint (e.g. <c>150627-103</c>).</summary>
    public string? Agency { get; set; }

    /// <summary>Several agencies, instead of or besides <see cref="Agency"/>; <c>*</c> for every agency of the installation.</summary>
    public List<string> Agencies { get; set; } = [];

    public bool IsConfigured => Name.Length > 0 && Url.Length > 0;

    public IEnumerable<string> AgencyCodes() =>
        (Agency is { } one ? Agencies.Prepend(one) : Agencies).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal);

    public Outbox.ChannelTarget Target() => Outbox.ChannelTarget.For(Name, AgencyCodes());
}
