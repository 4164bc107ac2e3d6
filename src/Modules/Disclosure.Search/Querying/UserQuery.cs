using Disclosure.Search.Analysis;

namespace Disclosure.Search.Querying;

/// <summary>
/// A user's query after parsing: groups that must all match (each group matches when any of its terms does,
/// as joined by OR), and terms that must not match. Every term is already analysed into tokens.
/// </summary>
public sealed record UserQuery(IReadOnlyList<IReadOnlyList<QueryTerm>> Groups, IReadOnlyList<QueryTerm> Excluded)
{
    /// <summary>The terms to look for (not the excluded ones), for highlighting.</summary>
    public IEnumerable<QueryTerm> Positive => Groups.SelectMany(g => g);
}

/// <summary>
/// One word or quoted phrase: its characters and bigrams (<see cref="Tokens"/>, which decide whether a document
/// matches; several are searched as a phrase: adjacent, in order) and its dictionary words (<see cref="Words"/>,
/// which add to the score of documents holding the same words).
/// </summary>
public sealed record QueryTerm(string Text, IReadOnlyList<AnalyzedToken> Tokens, IReadOnlyList<AnalyzedToken> Words)
{
    public QueryTerm(string text, IReadOnlyList<AnalyzedToken> tokens)
        : this(text, tokens, [])
    {
    }
}

/// <summary>Either a query or the zh-CN reason there is none.</summary>
public sealed record QueryParseResult(UserQuery? Query, string? Error)
{
    public static QueryParseResult Fail(string message) => new(null, message);
}
