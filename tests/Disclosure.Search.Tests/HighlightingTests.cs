using Disclosure.Search.Analysis;
using Disclosure.Search.Highlighting;
using Disclosure.Search.Indexing;
using Disclosure.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Disclosure.Search.Tests;

/// <summary>
/// The highlighter: matches read from the postings' offsets of a real (in-memory) index, written with the fields'
/// own type and analyzer; cut, marked and escaped for the page.
/// </summary>
public sealed class HighlightingTests
{
    private static readonly ChineseAnalyzer Analyzer = new();
    private readonly UserQueryParser _parser = new(Analyzer);

    /// <summary>Indexes one document holding <paramref name="text"/> in the body and highlights it for <paramref name="query"/>.</summary>
    private T Highlight<T>(string text, string query, Func<SnippetHighlighter.HitHighlighter, T> use)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ChineseAnalyzer.Version, Analyzer)))
        {
            writer.AddDocument(new Document { new Field(SearchFields.Body, text, SearchDocumentBuilder.HighlightedText) });
        }

        using var reader = DirectoryReader.Open(directory);
        return use(SnippetHighlighter.For(_parser.Parse(query).Query!, reader, [0]));
    }

    private string All(string text, string query) => Highlight(text, query, h => h.HighlightAll(0, SearchFields.Body, text));

    private string Snippet(string text, string query, int length) =>
        Highlight(text, query, h => h.BestSnippet(0, [(SearchFields.Body, text)], length));

    [Fact]
    public void The_hits_of_a_page_are_marked_across_segments_whatever_their_order()
    {
        string[] bodies = ["信息公开目录", "无关内容", "年度报告：信息公开工作", "公开招聘", "另一段无关内容", "依申请信息公开"];
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ChineseAnalyzer.Version, Analyzer)))
        {
            foreach (var body in bodies)
            {
                writer.AddDocument(new Document { new Field(SearchFields.Body, body, SearchDocumentBuilder.HighlightedText) });
                // A segment per two documents, so the page's hits lie in several segments.
                if (writer.NumDocs % 2 == 0)
                {
                    writer.Commit();
                }
            }
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(3, reader.Leaves.Count);
        // Ranked order, not doc order (1 before 0 in the first segment), and hits that have no match.
        int[] page = [1, 5, 0, 2, 3];
        var highlighter = SnippetHighlighter.For(_parser.Parse("信息公开").Query!, reader, page);

        var marked = page.Select(doc => highlighter.HighlightAll(doc, SearchFields.Body, bodies[doc])).ToList();

        Assert.Equal(["无关内容", "依申请<mark>信息公开</mark>", "<mark>信息公开</mark>目录", "年度报告：<mark>信息公开</mark>工作", "公开招聘"], marked);
    }

    [Fact]
    public void Overlapping_bigrams_of_one_word_become_one_mark()
    {
        Assert.Equal("关于<mark>信息公开</mark>工作", All("关于信息公开工作", "信息公开"));
    }

    [Fact]
    public void A_two_character_query_is_marked_inside_a_longer_word()
    {
        Assert.Equal("政府信息<mark>公开</mark>指南", All("政府信息公开指南", "公开"));
    }

    [Fact]
    public void A_one_character_query_marks_that_character_inside_words()
    {
        Assert.Equal("交通<mark>警</mark>察和<mark>警</mark>务", All("交通警察和警务", "警"));
    }

    [Fact]
    public void Only_the_whole_phrase_is_marked_not_its_parts_elsewhere()
    {
        Assert.Equal("<mark>信息公开</mark>，信息安全", All("信息公开，信息安全", "信息公开"));
    }

    [Fact]
    public void Everything_outside_the_marks_is_escaped()
    {
        Assert.Equal(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>公开</mark>&quot;",
            All("<script>alert('x')</script> & 公开\"", "公开"));
    }

    [Fact]
    public void Full_width_text_is_matched_by_a_half_width_query_and_shown_as_written()
    {
        Assert.Equal("拨打<mark>１２３４５</mark>热线", All("拨打１２３４５热线", "12345"));
        // The offsets the index stored point into the text as written, after a full-width run too.
        Assert.Equal("ＡＢＣ，<mark>信息公开</mark>", All("ＡＢＣ，信息公开", "信息公开"));
    }

    [Fact]
    public void Traditional_text_is_matched_by_a_simplified_query_and_shown_as_written()
    {
        Assert.Equal("<mark>網上政務大廳</mark>已開通", All("網上政務大廳已開通", "网上政务大厅"));
        Assert.Equal("<mark>网上政务</mark>大厅", All("网上政务大厅", "網上政務"));
    }

    [Fact]
    public void A_snippet_is_cut_around_the_matches()
    {
        var text = new string('甲', 200) + "。本办法自发布之日起施行，居住证有效期五年。" + new string('乙', 200);
        var snippet = Snippet(text, "居住证", 60);
        Assert.StartsWith("…本办法", snippet);
        Assert.Contains("<mark>居住证</mark>", snippet);
        Assert.EndsWith("…", snippet);
        Assert.True(snippet.Replace("<mark>", "").Replace("</mark>", "").Length <= 62, snippet);
    }

    [Fact]
    public void Without_a_match_the_snippet_is_the_beginning_of_the_text()
    {
        Assert.Equal("第一条 为了规范管…", Snippet("第一条 为了规范管理，制定本办法。", "居住证", 9));
    }
}
