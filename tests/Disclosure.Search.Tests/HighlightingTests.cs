using Disclosure.Search.Analysis;
using Disclosure.Search.Highlighting;
using Disclosure.Search.Querying;

namespace Disclosure.Search.Tests;

/// <summary>Our own snippet highlighter: marks what the query matched, escapes everything else.</summary>
public sealed class HighlightingTests
{
    private static readonly ChineseAnalyzer Analyzer = new();
    private readonly SnippetHighlighter _highlighter = new(Analyzer);
    private readonly UserQueryParser _parser = new(Analyzer);

    private List<QueryTerm> Terms(string query) => _parser.Parse(query).Query!.Positive.ToList();

    [Fact]
    public void Overlapping_bigrams_of_one_word_become_one_mark()
    {
        Assert.Equal("关于<mark>信息公开</mark>工作", _highlighter.HighlightAll("关于信息公开工作", Terms("信息公开")));
    }

    [Fact]
    public void A_two_character_query_is_marked_inside_a_longer_word()
    {
        Assert.Equal("政府信息<mark>公开</mark>指南", _highlighter.HighlightAll("政府信息公开指南", Terms("公开")));
    }

    [Fact]
    public void Only_the_whole_phrase_is_marked_not_its_parts_elsewhere()
    {
        Assert.Equal("<mark>信息公开</mark>，信息安全", _highlighter.HighlightAll("信息公开，信息安全", Terms("信息公开")));
    }

    [Fact]
    public void Everything_outside_the_marks_is_escaped()
    {
        var html = _highlighter.HighlightAll("<script>alert('x')</script> & 公开\"", Terms("公开"));
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>公开</mark>&quot;", html);
    }

    [Fact]
    public void Full_width_text_is_matched_by_a_half_width_query_and_shown_as_written()
    {
        Assert.Equal("拨打<mark>１２３４５</mark>热线", _highlighter.HighlightAll("拨打１２３４５热线", Terms("12345")));
    }

    [Fact]
    public void A_snippet_is_cut_around_the_matches()
    {
        var text = new string('甲', 200) + "。本办法自发布之日起施行，居住证有效期五年。" + new string('乙', 200);
        var snippet = _highlighter.Snippet(text, Terms("居住证"), 60);
        Assert.StartsWith("…本办法", snippet);
        Assert.Contains("<mark>居住证</mark>", snippet);
        Assert.EndsWith("…", snippet);
        Assert.True(snippet.Replace("<mark>", "").Replace("</mark>", "").Length <= 62, snippet);
    }

    [Fact]
    public void Without_a_match_the_snippet_is_the_beginning_of_the_text()
    {
        Assert.Equal("第一条 为了规范管…", _highlighter.Snippet("第一条 为了规范管理，制定本办法。", Terms("居住证"), 9));
    }
}
