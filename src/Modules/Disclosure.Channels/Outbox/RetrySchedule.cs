namespace Disclosure.Channels.Outbox;

/// <summary>
/// Exponential back-off with jitter: the n-th failure waits base·2ⁿ⁻¹ (capped), then a random point in its upper
/// half. The jitter keeps many messages that failed together (a receiver's outage) from all retrying at the same
/// instant when it comes back.
/// </summary>
public static class RetrySchedule
{
    public static TimeSpan Delay(int attempts, OutboxOptions options, Random? random = null)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var full = Math.Min(options.MaxDelaySeconds, options.BaseDelaySeconds * Math.Pow(2, exponent));
        var jittered = full / 2 + (random ?? Random.Shared).NextDouble() * full / 2;
        return TimeSpan.FromSeconds(jittered);
    }
}
