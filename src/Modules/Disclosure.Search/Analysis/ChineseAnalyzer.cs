using Disclosure.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Disclosure.Search.Analysis;

/// <summary>
/// The analysis of the search index, field by field: the text fields (标题, 正文, the rest) as characters and bigrams
/// with unigrams (<see cref="CharacterAnalyzer"/>, recall and phrases), their copy in <see cref="SearchFields.Words"/>
/// as dictionary words (<see cref="WordAnalyzer"/>, ranking). A query is analysed by the same two, except that it
/// leaves out the unigrams its bigrams cover (<see cref="Tokenize(string)"/>), so a longer query stays a phrase of
/// bigrams and a one-character query, having no bigram, is its unigram.
/// </summary>
public sealed class ChineseAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly CharacterAnalyzer _indexCharacters = new(withUnigrams: true);
    private readonly WordAnalyzer _words = new();

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        fieldName == SearchFields.Words ? _words : _indexCharacters;

    /// <summary>
    /// A query's characters and bigrams with their positions and offsets: the index's tokens without the unigrams a
    /// bigram already covers. Taken from the index's analysis rather than a bigram-only one because the positions
    /// must be the index's: there the last character of a CJK run has a position of its own (交@0 交管@0 管@1
    /// 12123@2), so a phrase running from Chinese into digits or Latin (交管12123) is 交管@0 12123@2, not @0 @1.
    /// </summary>
    public IReadOnlyList<AnalyzedToken> Tokenize(string text)
    {
        var tokens = Tokenize(_indexCharacters, SearchFields.Body, text);
        var kept = new List<AnalyzedToken>(tokens.Count);
        var covered = -1; // the end offset of the last bigram
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var bigramHere = i + 1 < tokens.Count && tokens[i + 1].Position == token.Position && tokens[i + 1].Start == token.Start && tokens[i + 1].End > token.End;
            if (bigramHere || token.End <= covered && token.End - token.Start == 1)
            {
                continue; // a unigram inside a bigram
            }

            if (token.End - token.Start == 2 && IsCjk(text, token.Start))
            {
                covered = token.End;
            }

            kept.Add(token);
        }

        return kept;
    }

    /// <summary>A query's dictionary words with their positions.</summary>
    public IReadOnlyList<AnalyzedToken> TokenizeWords(string text) => Tokenize(_words, SearchFields.Words, text);

    /// <summary>The tokens the index holds for a text in a field (tests, tools).</summary>
    public IReadOnlyList<AnalyzedToken> TokenizeForIndex(string text, string field = SearchFields.Body) => Tokenize(this, field, text);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _indexCharacters.Dispose();
            _words.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsCjk(string text, int index) => char.IsLetter(text[index]) && text[index] >= '\u2E80';

    private static List<AnalyzedToken> Tokenize(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}

/// <summary>One token: its text, position in the stream and character offsets in the original text.</summary>
public readonly record struct AnalyzedToken(string Term, int Position, int Start, int End);
