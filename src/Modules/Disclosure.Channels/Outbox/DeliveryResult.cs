namespace Disclosure.Channels.Outbox;

/// <summary>What a channel reports after one attempt at a message.</summary>
public abstract record DeliveryResult
{
    /// <summary>Delivered. <paramref name="RemoteId"/> and <paramref name="RemoteUrl"/> say where it is on the other side.</summary>
    public sealed record Delivered(string? RemoteId, string? RemoteUrl) : DeliveryResult;

    /// <summary>Failed in a way a later attempt may fix (a 5xx, a timeout, 系统繁忙): retried with back-off.</summary>
    public sealed record Retry(string Error) : DeliveryResult;

    /// <summary>Failed in a way retrying cannot fix (a configuration problem, a rejected article): dead-lettered at once.</summary>
    public sealed record Fail(string Error) : DeliveryResult;

    /// <summary>
    /// Not a failure: come back at <paramref name="NotBefore"/> (the platform is still publishing, or a quota resets
    /// then). The attempt is not counted, so waiting never dead-letters a message.
    /// </summary>
    public sealed record Wait(DateTime NotBefore, string? Note) : DeliveryResult;
}
