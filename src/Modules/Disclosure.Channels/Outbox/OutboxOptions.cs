namespace Disclosure.Channels.Outbox;

/// <summary>The dispatcher's settings, from <c>Channels:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Channels:Outbox";

    /// <summary>Whether this node runs a dispatcher. Every node may: claims keep them from sending twice.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How many messages one claim takes.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>How many of the claimed messages are delivered at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How often the outbox is looked at when nothing woke the dispatcher (other nodes' commits, retries falling due).</summary>
    public double PollIntervalSeconds { get; set; } = 2;

    /// <summary>How long a claim holds a message; renewed while the delivery runs, so only a dead node's claim ever lapses.</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>Attempts before a message goes to the dead letters (死信).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's delay; each later one doubles it, up to <see cref="MaxDelaySeconds"/>, with jitter.</summary>
    public double BaseDelaySeconds { get; set; } = 10;

    public double MaxDelaySeconds { get; set; } = 3600;
}
