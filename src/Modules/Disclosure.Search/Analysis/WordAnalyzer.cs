using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;

namespace Disclosure.Search.Analysis;

/// <summary>
/// Dictionary words (SmartCn's hidden-Markov segmenter): 关于政府信息公开工作的通知 → 关于 政府 信息 公开 工作 的 通知.
/// The ranking side of the analysis: a query's words matching the document's words count on top of the bigram match,
/// so 公开 ranks 公开招聘 (the word) above 办公开支 (办公 开支, where 公开 is only an overlapping bigram). Folding
/// as in <see cref="CharacterAnalyzer"/>; punctuation is dropped (SmartCn's stop set holds only punctuation); no
/// stemming, unlike <see cref="SmartChineseAnalyzer"/>, since English in disclosures is mostly names and codes.
/// </summary>
public sealed class WordAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new HMMChineseTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(ChineseAnalyzer.Version, tokenizer);
        stream = new StopFilter(ChineseAnalyzer.Version, stream, SmartChineseAnalyzer.DefaultStopSet);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
