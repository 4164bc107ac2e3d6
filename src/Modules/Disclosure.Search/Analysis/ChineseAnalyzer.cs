using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Disclosure.Search.Analysis;

/// <summary>
/// Text analysis for Chinese disclosures without a dictionary (SmartCn is not obtainable here):
/// <list type="bullet">
/// <item>full-width forms are folded to half-width first (<see cref="WidthFoldingCharFilter"/>);</item>
/// <item>the Unicode word-break rules (UAX #29) keep Latin words and digit runs whole and emit each CJK
/// character on its own;</item>
/// <item>Latin is lower-cased;</item>
/// <item>runs of CJK characters become overlapping bigrams (政府信息公开 → 政府 府信 信息 息公 公开), while a CJK
/// character standing alone stays a unigram.</item>
/// </list>
/// Bigrams are why a two-character query recalls inside longer words: 公开 is one of the bigrams of 政府信息公开.
/// The same analyzer serves indexing and querying, so a longer query becomes a phrase of adjacent bigrams.
/// </summary>
public sealed class ChineseAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new WidthFoldingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer); // half-width katakana to full-width, for completeness
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The tokens of a text with their positions and offsets (for queries and highlighting).</summary>
    public IReadOnlyList<AnalyzedToken> Tokenize(string text, string field = "text") => Tokenize(this, field, text);

    internal static List<AnalyzedToken> Tokenize(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
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
