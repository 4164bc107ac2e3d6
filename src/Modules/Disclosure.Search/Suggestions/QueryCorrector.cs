using System.Globalization;
using System.Text;
using Disclosure.Search.Analysis;
using Disclosure.Search.Identifiers;
using Disclosure.Search.Indexing;
using Disclosure.Search.IndexStore;
using Disclosure.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Disclosure.Search.Suggestions;

/// <summary>
/// 您是不是要找: for a query that found nothing, a corrected query that finds something within the same filters.
/// Only runs for zero-hit searches, tries the cheap corrections first and stops at the first that has hits:
/// <list type="number">
/// <item>a 文号/索引号 typed with brackets or separators the normaliser does not fold (〈〉《》「」, none at all, spaces):
/// compared letter by letter with the stored keys that share its first letters, and offered as stored;</item>
/// <item>each word (space-separated group) that finds nothing on its own is corrected by one character against the
/// 常用检索词 and the titles that share most of its characters (政府信息工开 → 政府信息公开), or, for a Latin word, by
/// Lucene's Levenshtein automaton over the index's terms (pubic → public);</item>
/// <item>failing that, the words that find nothing are dropped when the rest finds something (户籍 量子 → 户籍), or,
/// when every word finds something but not all together, the one word whose removal finds most.</item>
/// </list>
/// A correction is tried before a removal because it keeps what the visitor meant. Queries with quotes or operators
/// only get the 文号 correction: rewriting their syntax would guess too much.
/// </summary>
public sealed class QueryCorrector(SearchIndex index, SearchService search, CommonQueryLog common)
{
    private const int MaxQueryLength = 60;
    private const int MaxWords = 6;
    private const int TitleCandidates = 30;
    private const int IdentifierScan = 5000;
    private const int CountLimit = 10_000;

    private static readonly HashSet<string> StoredIdentifiers = [SearchFields.IndexNumber, SearchFields.DocumentNumber];

    public string? Correct(string? rawQuery, SearchFilters filters)
    {
        var text = rawQuery?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxQueryLength)
        {
            return null;
        }

        using var lease = index.AcquireSearcher();
        var probe = new HitProbe(lease.Searcher, search, filters);
        if (Identifier(text, probe) is { } identifier)
        {
            return identifier;
        }

        var words = Words(text);
        if (words is null)
        {
            return null;
        }

        var dead = words.Select((w, i) => (Word: w, Index: i)).Where(w => !probe.Any(w.Word)).ToList();
        if (words.Count == 1)
        {
            return dead.Count == 1 ? Fix(words[0], probe) : null;
        }

        // Correct what finds nothing, keeping every word.
        var fixedWords = words.ToArray();
        foreach (var (word, i) in dead)
        {
            fixedWords[i] = Fix(word, probe) ?? word;
        }

        var corrected = string.Join(' ', fixedWords);
        if (dead.Count > 0 && corrected != string.Join(' ', words) && probe.Any(corrected))
        {
            return corrected;
        }

        // Drop what finds nothing, when the rest does.
        if (dead.Count > 0)
        {
            var rest = string.Join(' ', words.Where((_, i) => dead.All(d => d.Index != i)));
            return rest.Length > 0 && probe.Any(rest) ? rest : null;
        }

        // Every word finds something but not all together: leave out the one whose absence finds most.
        return Enumerable.Range(0, words.Count)
            .Select(i => string.Join(' ', words.Where((_, j) => j != i)))
            .Select(q => (Query: q, Hits: probe.Count(q, CountLimit)))
            .Where(c => c.Hits > 0)
            .OrderByDescending(c => c.Hits)
            .Select(c => c.Query)
            .FirstOrDefault();
    }

    /// <summary>The space-separated words of a plain query; null when it uses quotes or operators, or has too many words.</summary>
    private static List<string>? Words(string text)
    {
        var words = WidthFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (words.Count is 0 or > MaxWords || words.Any(w => w is "OR" or "AND" or "NOT" or "||" or "&&" or "!" || w[0] is '-' or '+' || w.IndexOfAny(['"', '“', '”']) >= 0))
        {
            return null;
        }

        return words;
    }

    /// <summary>One word corrected by one or two edits to something that has hits, or null.</summary>
    private string? Fix(string word, HitProbe probe)
    {
        var folded = word.ToLowerInvariant();
        if (folded.All(char.IsAsciiLetter))
        {
            return folded.Length >= 4 ? Latin(word, folded, probe) : null;
        }

        // One character of a two-character word is half of it: too loose to guess.
        if (folded.Length < 3 || !folded.Any(IsCjk))
        {
            return null;
        }

        // What the public searched comes first: the likeliest meaning of a near miss.
        foreach (var entry in common.Snapshot)
        {
            if (entry.Query.Length >= 3 && EditDistance.Between(folded, entry.Query, 1) == 1 && probe.Any(entry.Query))
            {
                return entry.Query;
            }
        }

        // Then titles sharing most of the word's tokens (coord ranks those sharing more first).
        var tokens = index.Analyzer.Tokenize(word);
        if (tokens.Count == 0)
        {
            return null;
        }

        var any = new BooleanQuery();
        foreach (var token in tokens.Select(t => t.Term).Distinct(StringComparer.Ordinal))
        {
            any.Add(new TermQuery(new Term(SearchFields.Title, token)), Occur.SHOULD);
        }

        var top = probe.Searcher.Search(probe.Within(any), TitleCandidates);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(string Part, int Distance)>();
        foreach (var hit in top.ScoreDocs)
        {
            var title = probe.Searcher.Doc(hit.Doc, new HashSet<string> { SearchFields.Title }).Get(SearchFields.Title, CultureInfo.InvariantCulture);
            if (title is not null && EditDistance.BestPart(folded, CommonQueryText.Normalize(title), 1) is { Distance: 1 } part && tried.Add(part.Match))
            {
                candidates.Add(part);
            }
        }

        return candidates
            .OrderBy(c => Math.Abs(c.Part.Length - folded.Length))
            .Select(c => c.Part)
            .FirstOrDefault(probe.Any);
    }

    /// <summary>A Latin word corrected through Lucene's Levenshtein automaton over the terms of the searched fields.</summary>
    private static string? Latin(string typed, string folded, HitProbe probe)
    {
        var maxEdits = folded.Length >= 8 ? 2 : 1;
        var reader = probe.Searcher.IndexReader;
        var best = new Dictionary<string, (int Edits, int DocFreq)>(StringComparer.Ordinal);
        foreach (var field in SearchFields.Searchable)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            // The first letter is rarely the wrong one and fixing it bounds the walk over the dictionary.
            var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(field, folded), maxEdits, 1, true);
            while (fuzzy.MoveNext())
            {
                var candidate = fuzzy.Term.Utf8ToString();
                if (candidate == folded || !candidate.All(char.IsAsciiLetterOrDigit))
                {
                    continue;
                }

                var edits = EditDistance.Between(folded, candidate, maxEdits);
                var docFreq = fuzzy.DocFreq;
                if (!best.TryGetValue(candidate, out var known) || docFreq > known.DocFreq)
                {
                    best[candidate] = (edits, Math.Max(docFreq, known.DocFreq));
                }
            }
        }

        return best.OrderBy(b => b.Value.Edits).ThenByDescending(b => b.Value.DocFreq).ThenBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => CaseLike(typed, b.Key))
            .FirstOrDefault(probe.Any);
    }

    /// <summary>
    /// A 文号 or 索引号 typed with brackets or separators the normaliser does not fold: the stored keys that start with
    /// the same letters are compared with every bracket, separator and space left out, and a match is offered as stored.
    /// </summary>
    private static string? Identifier(string text, HitProbe probe)
    {
        if (!text.Any(char.IsAsciiDigit) && !text.Any(c => c is >= '０' and <= '９'))
        {
            return null;
        }

        var key = IdentifierNormalizer.Normalize(text);
        var skeleton = Skeleton(key);
        // The part before any bracket or separator the visitor may have got wrong: an issuer's first two characters
        // (永公 of 永公(办)发…), or a 索引号's region code (its first six digits).
        var prefixLength = 0;
        var digits = key.Length > 0 && char.IsAsciiDigit(key[0]);
        while (prefixLength < key.Length && prefixLength < (digits ? 6 : 2) && (digits ? char.IsAsciiDigit(key[prefixLength]) : char.IsLetter(key[prefixLength])))
        {
            prefixLength++;
        }

        if (prefixLength < 2 || skeleton.Length < 6)
        {
            return null;
        }

        var reader = probe.Searcher.IndexReader;
        var prefix = new BytesRef(key[..prefixLength]);
        foreach (var field in new[] { SearchFields.DocumentNumberKey, SearchFields.IndexNumberKey })
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var enumerator = terms.GetEnumerator();
            if (enumerator.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
            {
                continue;
            }

            var scanned = 0;
            do
            {
                var term = enumerator.Term;
                if (!StringHelper.StartsWith(term, prefix) || ++scanned > IdentifierScan)
                {
                    break;
                }

                var stored = term.Utf8ToString();
                if (stored == key || Skeleton(stored) != skeleton)
                {
                    continue;
                }

                var top = probe.Searcher.Search(probe.Within(new TermQuery(new Term(field, stored))), 1);
                if (top.ScoreDocs.Length == 0)
                {
                    continue;
                }

                var document = probe.Searcher.Doc(top.ScoreDocs[0].Doc, StoredIdentifiers);
                var written = document.Get(field == SearchFields.DocumentNumberKey ? SearchFields.DocumentNumber : SearchFields.IndexNumber, CultureInfo.InvariantCulture);
                if (!string.IsNullOrWhiteSpace(written))
                {
                    return written.Trim();
                }
            }
            while (enumerator.MoveNext());
        }

        return null;
    }

    /// <summary>Letters and digits only (CJK included): 永公〈办〉发〈2017〉28号 and 永公(办)发【2017】28号 agree.</summary>
    private static string Skeleton(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The correction written in the case the visitor typed: PUBIC → PUBLIC, Pubic → Public.</summary>
    private static string CaseLike(string typed, string correction) =>
        typed.All(c => !char.IsAsciiLetterLower(c)) ? correction.ToUpperInvariant()
        : char.IsAsciiLetterUpper(typed[0]) ? char.ToUpperInvariant(correction[0]) + correction[1..]
        : correction;

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
