namespace Disclosure.Search;

/// <summary>Search settings, bound from the "Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Where the index generations live; defaults to <c>search</c> under <c>Storage:DataFolder</c>.</summary>
    public string? IndexFolder { get; set; }

    /// <summary>How often the change log is polled when nothing nudges the indexer (milliseconds).</summary>
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Change-log entries read and shown to searches per batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long what the follower has shown to searches may wait for its durable commit (milliseconds). New items are
    /// searchable as soon as they are indexed; the commit, which syncs the index to disk, follows at most this much
    /// later (and when the site stops). A crash costs only the re-reading of that stretch of the change log.
    /// </summary>
    public int CommitIntervalMilliseconds { get; set; } = 5000;

    /// <summary>Whether this node runs the background follower. Off only for tools and tests that drive the indexer themselves.</summary>
    public bool FollowChanges { get; set; } = true;

    /// <summary>How much more a match in the 标题 counts than one in the body.</summary>
    public float TitleBoost { get; set; } = 4f;

    /// <summary>
    /// How much a match of the query's dictionary words (SmartCn) adds to the character/bigram match: 公开 ranks
    /// 公开招聘, where it is a word, above 办公开支, where it is only two characters side by side.
    /// </summary>
    public float WordBoost { get; set; } = Querying.LuceneQueryBuilder.DefaultWordBoost;

    /// <summary>Characters of body text shown around the matches.</summary>
    public int SnippetLength { get; set; } = 120;
}
