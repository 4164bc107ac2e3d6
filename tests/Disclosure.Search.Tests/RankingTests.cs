using Disclosure.Search.Analysis;
using Disclosure.Search.Indexing;
using Disclosure.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Disclosure.Search.Tests;

/// <summary>How the bigram (recall) and word (ranking) halves of a query combine, on a small in-memory index.</summary>
public sealed class RankingTests : IDisposable
{
    private static readonly ChineseAnalyzer Analyzer = new();
    private readonly RAMDirectory _directory = new();
    private readonly UserQueryParser _parser = new(Analyzer);

    public RankingTests()
    {
        using var writer = new IndexWriter(_directory, new IndexWriterConfig(ChineseAnalyzer.Version, Analyzer));
        // Same length, same characters counted once: only the words differ.
        foreach (var (id, body) in new[] { ("spending", "本局办公开支情况说明"), ("hiring", "本局公开招聘情况说明"), ("other", "本局年度工作情况说明") })
        {
            writer.AddDocument(new Document
            {
                new StringField(SearchFields.Id, id, Field.Store.YES),
                new Field(SearchFields.Body, body, SearchDocumentBuilder.HighlightedText),
                new TextField(SearchFields.Words, body, Field.Store.NO),
            });
        }
    }

    public void Dispose() => _directory.Dispose();

    private List<string> Search(string query, float wordBoost = LuceneQueryBuilder.DefaultWordBoost)
    {
        using var reader = DirectoryReader.Open(_directory);
        var searcher = new IndexSearcher(reader);
        var lucene = new LuceneQueryBuilder(titleBoost: 4f, wordBoost).Text(_parser.Parse(query).Query!);
        return searcher.Search(lucene, 10).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(SearchFields.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public void A_whole_word_ranks_above_the_same_characters_across_two_words()
    {
        // 公开招聘 holds the word 公开; 办公开支 only the bigram (办公 | 开支). Both are found.
        Assert.Equal(["hiring", "spending"], Search("公开"));
    }

    [Fact]
    public void Without_the_word_bonus_the_two_would_tie_on_characters()
    {
        var scores = new List<float>();
        using var reader = DirectoryReader.Open(_directory);
        var searcher = new IndexSearcher(reader);
        var lucene = new LuceneQueryBuilder(titleBoost: 4f, wordBoost: 0f).Text(_parser.Parse("公开").Query!);
        scores.AddRange(searcher.Search(lucene, 10).ScoreDocs.Select(d => d.Score));
        Assert.Equal(2, scores.Count);
        Assert.Equal(scores[0], scores[1]);
    }

    [Fact]
    public void Words_only_rank_they_never_add_a_match()
    {
        // 年度 is a word of the third text only; 公开 a bigram of two. A word match alone must not be a hit.
        Assert.Equal(["other"], Search("年度"));
        Assert.Empty(Search("局办开")); // 局办开 is no phrase of any text
    }
}
