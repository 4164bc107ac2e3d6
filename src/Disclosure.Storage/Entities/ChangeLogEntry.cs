namespace Disclosure.Storage.Entities;

/// <summary>What happened to published content, for followers of the change log (search index, app, other nodes).</summary>
public enum ChangeKind
{
    /// <summary>An item became public for the first time.</summary>
    Published,
    /// <summary>A newer version of a public item replaced the one before.</summary>
    Updated,
    /// <summary>An item was taken off the public side.</summary>
    Withdrawn,
}

/// <summary>
/// One row of the durable change log. <see cref="Sequence"/> is taken from a counter row inside the same
/// transaction as the change, so sequence numbers appear in commit order with no gaps: a follower that has
/// read up to N can never later find a smaller number committed behind it.
/// </summary>
public sealed class ChangeLogEntry
{
    public long Sequence { get; set; }

    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    public int VersionNumber { get; set; }

    public ChangeKind Kind { get; set; }

    public DateTime OccurredUtc { get; set; }
}
