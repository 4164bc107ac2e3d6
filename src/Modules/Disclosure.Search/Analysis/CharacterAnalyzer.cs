using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace Disclosure.Search.Analysis;

/// <summary>
/// Characters and bigrams, the recall side of the analysis, with no dictionary:
/// <list type="bullet">
/// <item>full-width forms fold to half-width and traditional characters to simplified (<see cref="FoldingCharFilter"/>);</item>
/// <item>the Unicode word-break rules (UAX #29) keep Latin words and digit runs whole and emit each CJK character on its own;</item>
/// <item>Latin is lower-cased;</item>
/// <item>runs of CJK characters become overlapping bigrams (政府信息公开 → 政府 府信 信息 息公 公开), and a CJK
/// character standing alone stays a unigram.</item>
/// </list>
/// Bigrams are why a two-character query recalls inside longer words (公开 is a bigram of 政府信息公开), and a longer
/// query is a phrase of adjacent bigrams. The index side also keeps every character as a unigram, at the position of
/// the bigram it starts (政@0 政府@0 府@1 府信@1 …), so a one-character query (警) finds 警察 while the bigram
/// positions, and with them the phrases, are the same as without.
/// </summary>
public sealed class CharacterAnalyzer(bool withUnigrams) : Analyzer
{
    private const CJKScript AllScripts = CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(ChineseAnalyzer.Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer); // half-width katakana to full-width, for completeness
        stream = new LowerCaseFilter(ChineseAnalyzer.Version, stream);
        stream = new CJKBigramFilter(stream, AllScripts, withUnigrams);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
