namespace Disclosure.Search.Suggestions;

/// <summary>Settings of the search box's suggestions and of 您是不是要找, bound from "Search:Suggestions".</summary>
public sealed class SuggestionOptions
{
    public const string SectionName = "Search:Suggestions";

    /// <summary>At most this many suggestions per answer (titles and 常用检索词 together).</summary>
    public int MaxSuggestions { get; set; } = 8;

    /// <summary>A query becomes a 常用检索词 once the public has searched it (with hits) this many times.</summary>
    public int MinQueryCount { get; set; } = 3;

    /// <summary>Longer queries are never kept: the longer the text, the likelier it is a pasted sentence about someone.</summary>
    public int MaxQueryLength { get; set; } = 40;

    /// <summary>Whether searches from the public page and API are counted at all.</summary>
    public bool RecordQueries { get; set; } = true;

    /// <summary>How often the counted queries are written to the database (seconds); a crash loses at most this much counting.</summary>
    public int FlushIntervalSeconds { get; set; } = 15;

    /// <summary>
    /// Distinct queries held between two writes. Beyond it new queries are not counted until the next write, so a flood
    /// of distinct queries costs bounded memory and never slows a search.
    /// </summary>
    public int BufferCapacity { get; set; } = 5000;

    /// <summary>How often each node re-reads the 常用检索词 (other nodes' counts included) from the database (seconds).</summary>
    public int RefreshIntervalSeconds { get; set; } = 60;

    /// <summary>How many of the most searched 常用检索词 a node keeps in memory to suggest from.</summary>
    public int CachedQueries { get; set; } = 5000;

    /// <summary>A query seen fewer than <see cref="MinQueryCount"/> times and not for this many days is forgotten.</summary>
    public int ForgetAfterDays { get; set; } = 90;
}
