using System.Globalization;
using Disclosure.Search.Indexing;
using Disclosure.Search.IndexStore;
using Disclosure.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace Disclosure.Search.Suggestions;

/// <summary>What the search box offers while a visitor types: 常用检索词 and the titles of published items.</summary>
public enum SuggestionKind
{
    /// <summary>A query the public searched often and that finds something here (常用检索词).</summary>
    Query,

    /// <summary>The 标题 of a published item.</summary>
    Title,
}

/// <summary>One suggestion: the text to search for, its kind and, for a title, the item's id.</summary>
public sealed record Suggestion(string Text, SuggestionKind Kind, string? Id = null);

/// <summary>
/// Suggestions as the visitor types (<c>/api/v1/search/suggest</c>): 常用检索词 that start with (or else contain) what
/// was typed, then published titles containing it, from the live index. Everything offered finds something within
/// the site's agencies, so a 常用检索词 is checked against the index before it is shown.
/// </summary>
public sealed class SearchSuggester(SearchIndex index, SearchService search, CommonQueryLog common, IOptions<SuggestionOptions> options)
{
    /// <summary>Longer input gets no suggestions (a 400): suggestions complete what is being typed, not paragraphs.</summary>
    public const int MaxInputLength = 50;

    // Titles fetched from the index before the containment check keeps those that really contain the text.
    private const int TitleCandidates = 64;

    // Completions of a word being typed (a Latin prefix, a lone character) tried against the index.
    private const int PrefixExpansions = 16;

    private static readonly HashSet<string> TitleFields = [SearchFields.Title, SearchFields.Id];

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string typed, IReadOnlyCollection<string>? agencies, CancellationToken cancellationToken = default)
    {
        await common.EnsureLoadedAsync(cancellationToken);
        var text = CommonQueryText.Normalize(typed);
        var max = Math.Max(1, options.Value.MaxSuggestions);
        if (text.Length == 0)
        {
            return [];
        }

        using var lease = index.AcquireSearcher();
        var probe = new HitProbe(lease.Searcher, search, new SearchFilters(Scope: agencies));

        // Up to half are 常用检索词, so titles always get room; either kind fills what the other leaves.
        var queries = CommonQueries(text, probe, max);
        var titles = Titles(text, typed, probe, max);
        var result = new List<Suggestion>(max);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queryShare = Math.Max(max - titles.Count, (max + 1) / 2);
        foreach (var suggestion in queries.Take(queryShare).Concat(titles).Concat(queries.Skip(queryShare)))
        {
            if (result.Count < max && seen.Add(CommonQueryText.Normalize(suggestion.Text)))
            {
                result.Add(suggestion);
            }
        }

        return result;
    }

    private List<Suggestion> CommonQueries(string text, HitProbe probe, int max)
    {
        var snapshot = common.Snapshot;
        var starting = snapshot.Where(q => q.Query.Length > text.Length && q.Query.StartsWith(text, StringComparison.Ordinal));
        var containing = snapshot.Where(q => q.Query.Length > text.Length && !q.Query.StartsWith(text, StringComparison.Ordinal) && q.Query.Contains(text, StringComparison.Ordinal));
        var result = new List<Suggestion>();
        var checkedCount = 0;
        foreach (var entry in starting.Concat(containing))
        {
            // Each check is a search that stops at the first hit; a bound keeps a long snapshot cheap.
            if (result.Count >= max || ++checkedCount > max * 2)
            {
                break;
            }

            if (!CommonQueryText.LooksPersonal(entry.Query) && probe.Any(entry.Query))
            {
                result.Add(new Suggestion(entry.Query, SuggestionKind.Query));
            }
        }

        return result;
    }

    private List<Suggestion> Titles(string text, string typed, HitProbe probe, int max)
    {
        // Query syntax has no place in a title: quotes and operators are dropped, each remaining word must be in it.
        var words = text.Replace("\"", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("or" or "and" or "not" or "||" or "&&") && !w.StartsWith('-'))
            .Select(w => w.TrimStart('+'))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var reader = probe.Searcher.IndexReader;
        var tokens = index.Analyzer.Tokenize(string.Join(" ", words));
        if (tokens.Count == 0)
        {
            return [];
        }

        // The word being typed (no space after it yet) may be incomplete: a Latin word or a lone character is
        // completed from the index's own terms; CJK bigrams of two or more characters are whole already.
        var open = typed.Length > 0 && !char.IsWhiteSpace(typed[^1]);
        var any = new BooleanQuery(); // coord on: titles with more of the tokens rank first
        for (var i = 0; i < tokens.Count; i++)
        {
            var term = tokens[i].Term;
            var last = i == tokens.Count - 1;
            if (last && open && (term.Length == 1 || term.All(char.IsAsciiLetterOrDigit)))
            {
                var completions = new BooleanQuery(disableCoord: true);
                foreach (var completion in IndexTerms.WithPrefix(reader, SearchFields.Title, term, PrefixExpansions))
                {
                    completions.Add(new TermQuery(new Term(SearchFields.Title, completion)), Occur.SHOULD);
                }

                if (completions.Clauses.Count > 0)
                {
                    any.Add(completions, Occur.SHOULD);
                }

                continue;
            }

            any.Add(new TermQuery(new Term(SearchFields.Title, term)), Occur.SHOULD);
        }

        if (any.Clauses.Count == 0)
        {
            return [];
        }

        // The index only proposes: the stored title must contain every word as typed (width and case folded), so a
        // change of analysis can widen or narrow what is fetched but never what is offered.
        var matches = new List<(Suggestion Suggestion, bool Starts, int Rank)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var top = probe.Searcher.Search(probe.Within(any), TitleCandidates);
        for (var rank = 0; rank < top.ScoreDocs.Length; rank++)
        {
            var stored = probe.Searcher.Doc(top.ScoreDocs[rank].Doc, TitleFields);
            var title = stored.Get(SearchFields.Title, CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(title))
            {
                continue;
            }

            var folded = CommonQueryText.Normalize(title);
            if (!words.All(w => folded.Contains(w, StringComparison.Ordinal)) || !seen.Add(folded))
            {
                continue;
            }

            matches.Add((new Suggestion(title.Trim(), SuggestionKind.Title, stored.Get(SearchFields.Id, CultureInfo.InvariantCulture)), folded.StartsWith(words[0], StringComparison.Ordinal), rank));
        }

        return matches.OrderByDescending(m => m.Starts).ThenBy(m => m.Rank).Take(max).Select(m => m.Suggestion).ToList();
    }
}
