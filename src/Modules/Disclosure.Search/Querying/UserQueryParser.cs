using System.Text;
using Disclosure.Search.Analysis;

namespace Disclosure.Search.Querying;

/// <summary>
/// Reads what the public types into the search box. The syntax is deliberately small and forgiving:
/// <list type="bullet">
/// <item>words separated by spaces must all match (政府 公开);</item>
/// <item><c>"…"</c> or <c>“…”</c> is an exact phrase;</item>
/// <item><c>A OR B</c> matches either; <c>AND</c> and <c>+</c> are accepted and change nothing;</item>
/// <item><c>-word</c> or <c>NOT word</c> excludes;</item>
/// <item><c>*</c> and <c>?</c> inside a word are ignored: any part of a word already finds it.</item>
/// </list>
/// Everything else is text: brackets, colons and backslashes have no meaning, so no input can inject Lucene
/// syntax. Problems come back as a zh-CN message, never as an exception.
/// </summary>
public sealed class UserQueryParser(ChineseAnalyzer analyzer)
{
    private enum Kind
    {
        Word,
        Phrase,
        And,
        Or,
        Not,
    }

    private sealed record Token(Kind Kind, string Text, bool Negated = false, string? Sign = null);

    public QueryParseResult Parse(string? input)
    {
        var text = Normalize(input);
        if (text.Length == 0)
        {
            return QueryParseResult.Fail(QueryMessages.Empty);
        }

        if (text.Length > QueryMessages.MaxQueryLength)
        {
            return QueryParseResult.Fail(QueryMessages.TooLong);
        }

        if (text.Count(c => c == '"') % 2 != 0)
        {
            return QueryParseResult.Fail(QueryMessages.UnbalancedQuotes);
        }

        var (tokens, error) = Lex(text);
        if (error is not null)
        {
            return QueryParseResult.Fail(error);
        }

        return Build(tokens);
    }

    /// <summary>Full-width folded, curly quotes made straight, trimmed.</summary>
    private static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var folded = WidthFolding.Fold(input);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(c is '“' or '”' or '„' or '‟' ? '"' : char.IsWhiteSpace(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    private static (List<Token> Tokens, string? Error) Lex(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            // A leading + or - applies to the word or phrase right after it.
            string? sign = null;
            if (text[i] is '+' or '-')
            {
                sign = text[i].ToString();
                i++;
                if (i >= text.Length || text[i] == ' ')
                {
                    tokens.Add(new Token(Kind.Word, string.Empty, Sign: sign));
                    continue;
                }
            }

            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var phrase = text[(i + 1)..close].Trim();
                if (phrase.Length == 0)
                {
                    return (tokens, QueryMessages.EmptyQuotes);
                }

                tokens.Add(new Token(Kind.Phrase, phrase, sign == "-", sign));
                i = close + 1;
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] != ' ' && text[end] != '"')
            {
                end++;
            }

            var word = text[i..end];
            i = end;
            var kind = sign is null ? word switch
            {
                "AND" or "&&" => Kind.And,
                "OR" or "||" => Kind.Or,
                "NOT" or "!" => Kind.Not,
                _ => Kind.Word,
            } : Kind.Word;
            tokens.Add(new Token(kind, word, sign == "-", sign));
        }

        return (tokens, null);
    }

    private QueryParseResult Build(List<Token> tokens)
    {
        // A query made only of operators and wildcards says nothing to look for.
        if (tokens.All(IsBareOperator))
        {
            return QueryParseResult.Fail(QueryMessages.LoneOperator(Display(tokens[0])));
        }

        var groups = new List<List<QueryTerm>>();
        var excluded = new List<QueryTerm>();
        var termCount = 0;
        var joinWithPrevious = false;  // an OR is waiting for its right-hand term
        var negateNext = false;        // a NOT is waiting for its term
        var lastWasExcluded = false;
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            var previous = index > 0 ? tokens[index - 1] : null;
            var next = index + 1 < tokens.Count ? tokens[index + 1] : null;
            if (token.Kind is Kind.And or Kind.Or or Kind.Not)
            {
                if (next is null)
                {
                    return QueryParseResult.Fail(QueryMessages.MissingAfter(token.Text));
                }

                if (next.Kind is Kind.And or Kind.Or)
                {
                    return QueryParseResult.Fail(QueryMessages.Adjacent(token.Text, next.Text));
                }

                if (token.Kind is Kind.And or Kind.Or && previous is null)
                {
                    return QueryParseResult.Fail(QueryMessages.MissingBefore(token.Text));
                }

                if (token.Kind is Kind.And or Kind.Or && previous!.Kind is Kind.Not)
                {
                    return QueryParseResult.Fail(QueryMessages.Adjacent(previous.Text, token.Text));
                }

                joinWithPrevious |= token.Kind == Kind.Or;
                negateNext |= token.Kind == Kind.Not;
                continue;
            }

            if (token.Text.Length == 0)
            {
                // A + or - with nothing after it.
                return QueryParseResult.Fail(QueryMessages.MissingAfter(token.Sign!));
            }

            var negated = token.Negated || negateNext;
            negateNext = false;
            var term = Analyse(token);
            if (term is null)
            {
                // Punctuation or a stray wildcard: nothing to find, so it is left out (with any OR pointing at it).
                joinWithPrevious = false;
                continue;
            }

            if (++termCount > QueryMessages.MaxTerms)
            {
                return QueryParseResult.Fail(QueryMessages.TooManyTerms);
            }

            if (joinWithPrevious && (negated || lastWasExcluded))
            {
                return QueryParseResult.Fail(QueryMessages.ExclusionInOr);
            }

            if (negated)
            {
                excluded.Add(term);
            }
            else if (joinWithPrevious && groups.Count > 0)
            {
                groups[^1].Add(term);
            }
            else
            {
                groups.Add([term]);
            }

            lastWasExcluded = negated;
            joinWithPrevious = false;
        }

        if (groups.Count == 0)
        {
            return QueryParseResult.Fail(excluded.Count > 0 ? QueryMessages.OnlyExclusions : QueryMessages.NothingSearchable);
        }

        return new QueryParseResult(new UserQuery(groups, excluded), null);
    }

    private QueryTerm? Analyse(Token token)
    {
        // Wildcards are dropped, not interpreted: bigrams already find a word inside longer words.
        var text = token.Kind == Kind.Word ? token.Text.Replace("*", " ").Replace("?", " ") : token.Text;
        var tokens = analyzer.Tokenize(text);
        return tokens.Count == 0 ? null : new QueryTerm(token.Text, tokens, analyzer.TokenizeWords(text));
    }

    /// <summary>AND, OR, NOT, a sign with nothing after it, or nothing but wildcards.</summary>
    private static bool IsBareOperator(Token token) =>
        token.Kind is Kind.And or Kind.Or or Kind.Not || token.Text.Length == 0 || (token.Kind == Kind.Word && token.Text.All(c => c is '*' or '?'));

    private static string Display(Token token) => token switch
    {
        { Kind: Kind.And or Kind.Or or Kind.Not } => token.Text,
        { Text.Length: 0 } => token.Sign ?? string.Empty,
        _ => token.Text[..1],
    };
}
