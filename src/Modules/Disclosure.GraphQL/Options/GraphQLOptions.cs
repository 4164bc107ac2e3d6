namespace Disclosure.GraphQL.Options;

/// <summary>The <c>GraphQL</c> section: the limits every query is held to and the persisted-query allow-list.</summary>
public sealed class GraphQLOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>The deepest selection accepted (the root field is level 1).</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// The highest complexity accepted: each field counts 1, and what a list holds counts once per row it may return
    /// (its <c>pageSize</c> or <c>limit</c>, else 20), so a page of 100 items with 20 fields each is about 2,000.
    /// </summary>
    public int MaxComplexity { get; set; } = 20_000;

    /// <summary>The largest request body, in bytes. A query document is text; 100 KB is far more than any needs.</summary>
    public int MaxRequestBytes { get; set; } = 100_000;

    /// <summary>Refuse every query that is not on the allow-list (<see cref="AllowedQueries"/>, <see cref="AllowedQueriesFolder"/>).</summary>
    public bool OnlyAllowedQueries { get; set; }

    /// <summary>Named queries by the SHA-256 of their exact text (lower-case hex): <c>GraphQL:AllowedQueries:首页列表=3f2a…</c>.</summary>
    public Dictionary<string, string> AllowedQueries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A folder of <c>*.graphql</c> files, each one allowed query named after its file. Relative to the application's
    /// content root. A client may then send only the hash (<c>extensions.persistedQuery.sha256Hash</c>).
    /// </summary>
    public string? AllowedQueriesFolder { get; set; }
}
