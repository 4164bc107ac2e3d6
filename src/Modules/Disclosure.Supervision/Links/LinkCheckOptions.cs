namespace Disclosure.Supervision.Links;

/// <summary>
/// <c>Supervision:LinkCheck</c>: how often the dead-link checker (死链检查) walks the published items and how politely it
/// asks other sites. External links are requested only when their host is in <see cref="AllowedHosts"/>; with the
/// default empty list the checker makes no outside request at all and checks internal links and attachments only.
/// </summary>
public sealed class LinkCheckOptions
{
    public const string SectionName = "Supervision:LinkCheck";

    /// <summary>Whether this node runs the background checker (立即检查 still queues a run another node may take).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hours between the starts of two scheduled runs.</summary>
    public double IntervalHours { get; set; } = 24;

    /// <summary>Seconds after start-up before this node first looks for a run (start-up and migrations go first).</summary>
    public double StartDelaySeconds { get; set; } = 60;

    /// <summary>How often the checker looks for a run to do (a queued 立即检查 wakes it at once on the node that queued it).</summary>
    public double PollSeconds { get; set; } = 60;

    /// <summary>
    /// Host names (<c>www.gov.cn</c>) or host:port pairs (<c>127.0.0.1:8080</c>) whose links may be requested. A redirect
    /// to any other host is not followed.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Least time, in milliseconds, between a request to a host and the start or end of the one before it.</summary>
    public int PerHostDelayMilliseconds { get; set; } = 1000;

    /// <summary>Most requests in flight to one host at a time.</summary>
    public int PerHostConcurrency { get; set; } = 1;

    /// <summary>Most requests in flight in all.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How long one request may take before the link counts as 超时.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Most redirects followed for one link.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Most links one run checks; a run that reaches it stops after the item it is on, and the next run carries on from
    /// there, so a large site is covered over several runs without one run holding a node for hours.
    /// </summary>
    public int MaxLinksPerRun { get; set; } = 20000;

    /// <summary>How long a node's claim on a run lasts without renewal; a node that died loses the run after this and another node resumes it.</summary>
    public double LeaseSeconds { get; set; } = 300;

    public TimeSpan Interval => TimeSpan.FromHours(IntervalHours);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan PerHostDelay => TimeSpan.FromMilliseconds(PerHostDelayMilliseconds);
}
