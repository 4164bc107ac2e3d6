using Disclosure.Search.Analysis;
using Disclosure.Search.Identifiers;
using Disclosure.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Disclosure.Search.Querying;

/// <summary>Turns a parsed <see cref="UserQuery"/> and the filters into Lucene queries. Built from objects, never from query syntax.</summary>
public sealed class LuceneQueryBuilder(float titleBoost, float wordBoost = LuceneQueryBuilder.DefaultWordBoost)
{
    public const float DefaultWordBoost = 2f;

    /// <summary>The full-text query: every group must match in title, body or other text; excluded terms must not.</summary>
    public Query Text(UserQuery query)
    {
        var root = new BooleanQuery(disableCoord: true);
        foreach (var group in query.Groups)
        {
            if (group.Count == 1)
            {
                root.Add(Ranked(group[0]), Occur.MUST);
                continue;
            }

            var either = new BooleanQuery(disableCoord: true);
            foreach (var term in group)
            {
                either.Add(Ranked(term), Occur.SHOULD);
            }

            root.Add(either, Occur.MUST);
        }

        foreach (var term in query.Excluded)
        {
            root.Add(AcrossFields(term), Occur.MUST_NOT);
        }

        return root;
    }

    /// <summary>
    /// The exact look-up of a 索引号 or 文号: the whole query, normalised, against the keyword keys. Null when the
    /// query cannot be one (both always contain digits).
    /// </summary>
    public static Query? Identifier(string? rawQuery)
    {
        var key = IdentifierKey(rawQuery);
        if (key is null)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(SearchFields.IndexNumberKey, key)), Occur.SHOULD },
            { new TermQuery(new Term(SearchFields.DocumentNumberKey, key)), Occur.SHOULD },
        };
        return query;
    }

    internal static string? IdentifierKey(string? rawQuery)
    {
        var key = IdentifierNormalizer.Normalize(WithoutLabel(rawQuery?.Trim().Trim('"', '“', '”', '＂')));
        return key.Length is > 0 and <= 100 && key.Any(char.IsAsciiDigit) ? key : null;
    }

    /// <summary>A number pasted with its label (索引号：640121-103/2017-48967, 文号: …) is looked up without it.</summary>
    private static string? WithoutLabel(string? query)
    {
        foreach (var label in IdentifierLabels)
        {
            if (query is not null && query.StartsWith(label, StringComparison.Ordinal))
            {
                var rest = query[label.Length..].TrimStart();
                if (rest.Length > 0 && rest[0] is ':' or '：')
                {
                    return rest[1..].Trim();
                }
            }
        }

        return query;
    }

    private static readonly string[] IdentifierLabels = ["索引号", "發文字號", "发文字号", "文号", "文號"];

    /// <summary>The filters alone, as a query (for a bare Lucene search equivalent to the service's).</summary>
    public static Query? Filters(SearchFilters filters)
    {
        var clauses = new List<Query>();
        if (filters.ContentType is { } type)
        {
            clauses.Add(new TermQuery(new Term(SearchFields.ContentType, type)));
        }

        if (filters.Catalogue is { } catalogue)
        {
            clauses.Add(new TermQuery(new Term(SearchFields.Catalogue, catalogue)));
        }

        if (filters.Agency is { } agency)
        {
            clauses.Add(new TermQuery(new Term(SearchFields.Agency, agency)));
        }

        if (filters.Scope is { } scope)
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var code in scope)
            {
                any.Add(new TermQuery(new Term(SearchFields.Agency, code)), Occur.SHOULD);
            }

            // An empty scope matches nothing: a must clause no document satisfies.
            clauses.Add(scope.Count == 0 ? new TermQuery(new Term(SearchFields.Agency, "\u0000")) : any);
        }

        if (filters.Year is { } year)
        {
            clauses.Add(new TermQuery(new Term(SearchFields.Year, year.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        if (clauses.Count == 0)
        {
            return null;
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var clause in clauses)
        {
            all.Add(clause, Occur.MUST);
        }

        return all;
    }

    /// <summary>
    /// A term to find: its characters and bigrams must match in some field (recall, phrases, one-character
    /// queries), and where its dictionary words match as well, at the same distances, the document scores higher.
    /// </summary>
    private BooleanQuery Ranked(QueryTerm term)
    {
        var recall = AcrossFields(term);
        if (term.Words.Count == 0)
        {
            return recall;
        }

        var words = ForField(SearchFields.Words, term.Words);
        words.Boost = wordBoost;
        return new BooleanQuery(disableCoord: true)
        {
            { recall, Occur.MUST },
            { words, Occur.SHOULD },
        };
    }

    private BooleanQuery AcrossFields(QueryTerm term)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var field in SearchFields.Searchable)
        {
            var query = ForField(field, term.Tokens);
            if (field == SearchFields.Title)
            {
                query.Boost = titleBoost;
            }

            any.Add(query, Occur.SHOULD);
        }

        return any;
    }

    /// <summary>One token: a term. Several (a longer word's bigrams, or a phrase): a phrase at their positions.</summary>
    private static Query ForField(string field, IReadOnlyList<AnalyzedToken> tokens)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }

        var phrase = new PhraseQuery();
        var first = tokens[0].Position;
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token.Term), token.Position - first);
        }

        return phrase;
    }
}
