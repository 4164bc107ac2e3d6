namespace Disclosure.Supervision.Links;

/// <summary>
/// One pass (or part of a pass) of the checker over the published items (table LinkCheckRuns). At most one run is open
/// at a time — <see cref="Open"/> is unique and null once finished — and the node that holds its lease works it,
/// moving <see cref="Cursor"/> in the same transaction as each item's results, so a run whose node died is resumed by
/// another from the item after the last one saved.
/// </summary>
public sealed class LinkCheckRun
{
    /// <summary>The value of <see cref="Open"/> while a run is open.</summary>
    public const string OpenMarker = "open";

    public long Id { get; set; }

    /// <summary><see cref="OpenMarker"/> until the run finishes, then null (unique: one open run in the installation).</summary>
    public string? Open { get; set; }

    /// <summary>Who asked for it: null for the schedule, else the user who pressed 立即检查.</summary>
    public string? RequestedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The node working it and until when its claim holds.</summary>
    public string? Node { get; set; }

    public DateTime? LeaseUntilUtc { get; set; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    /// <summary>The internal id (ContentItems.Id) of the last item whose results are saved; 0 before the first.</summary>
    public long Cursor { get; set; }

    /// <summary>When the pass this run belongs to began: a pass spans runs when one stops at the link limit.</summary>
    public DateTime PassStartedUtc { get; set; }

    public int ItemsChecked { get; set; }

    public int LinksChecked { get; set; }

    /// <summary>External links not requested because their host is not allowed (or a redirect left the allowed hosts).</summary>
    public int LinksSkipped { get; set; }

    /// <summary>The run stopped at <see cref="LinkCheckOptions.MaxLinksPerRun"/>; the next one continues the pass.</summary>
    public bool StoppedAtLimit { get; set; }

    /// <summary>Why the run failed, in zh-CN, when it did.</summary>
    public string? Error { get; set; }
}
