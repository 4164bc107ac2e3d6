using Disclosure.Search.Analysis;
using Disclosure.Search.Querying;

namespace Disclosure.Search.Tests;

/// <summary>What the public types: lenient parsing, and a zh-CN message instead of an error for what cannot run.</summary>
public sealed class QueryParsingTests
{
    private readonly UserQueryParser _parser = new(new ChineseAnalyzer());

    [Theory]
    [InlineData("", QueryMessages.Empty)]
    [InlineData("   ", QueryMessages.Empty)]
    [InlineData("\u3000", QueryMessages.Empty)]
    [InlineData("\"信息公开", QueryMessages.UnbalancedQuotes)]
    [InlineData("“信息公开", QueryMessages.UnbalancedQuotes)]
    [InlineData("信息 \"公开\" \"", QueryMessages.UnbalancedQuotes)]
    [InlineData("\"\"", QueryMessages.EmptyQuotes)]
    [InlineData("。。。", QueryMessages.NothingSearchable)]
    [InlineData("-公开", QueryMessages.OnlyExclusions)]
    [InlineData("NOT 公开", QueryMessages.OnlyExclusions)]
    [InlineData("户籍 OR -公开", QueryMessages.ExclusionInOr)]
    public void Malformed_queries_get_a_message(string query, string message)
    {
        var result = _parser.Parse(query);
        Assert.Null(result.Query);
        Assert.Equal(message, result.Error);
    }

    [Theory]
    [InlineData("AND", "“AND”是检索运算符，不能单独使用")]
    [InlineData("OR", "“OR”是检索运算符，不能单独使用")]
    [InlineData("NOT", "“NOT”是检索运算符，不能单独使用")]
    [InlineData("+", "“+”是检索运算符，不能单独使用")]
    [InlineData("-", "“-”是检索运算符，不能单独使用")]
    [InlineData("＋", "“+”是检索运算符，不能单独使用")]
    [InlineData("*", "通配符“*”不能单独使用")]
    [InlineData("?", "通配符“?”不能单独使用")]
    [InlineData("AND OR", "“AND”是检索运算符，不能单独使用")]
    [InlineData("公开 AND", "运算符“AND”后面缺少检索词")]
    [InlineData("OR 公开", "运算符“OR”前面缺少检索词")]
    [InlineData("公开 AND OR 户籍", "运算符“AND”和“OR”之间缺少检索词")]
    [InlineData("公开 -", "运算符“-”后面缺少检索词")]
    public void Lone_or_dangling_operators_get_a_message(string query, string message)
    {
        var result = _parser.Parse(query);
        Assert.Null(result.Query);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Overlong_and_overfull_queries_get_a_message()
    {
        Assert.Equal(QueryMessages.TooLong, _parser.Parse(new string('公', QueryMessages.MaxQueryLength + 1)).Error);
        Assert.Equal(QueryMessages.TooManyTerms, _parser.Parse(string.Join(' ', Enumerable.Range(0, QueryMessages.MaxTerms + 1).Select(i => "词" + i))).Error);
    }

    [Fact]
    public void Words_must_all_match_OR_joins_neighbours_and_minus_excludes()
    {
        var query = _parser.Parse("户籍 迁移 OR 迁入 -暂住").Query!;
        Assert.Equal([["户籍"], ["迁移", "迁入"]], query.Groups.Select(g => g.Select(t => t.Text).ToArray()).ToArray());
        Assert.Equal(["暂住"], query.Excluded.Select(t => t.Text));
    }

    [Fact]
    public void Quoted_phrases_keep_their_words_together()
    {
        var query = _parser.Parse("“信息 公开” +指南").Query!;
        Assert.Equal("信息 公开", query.Groups[0][0].Text);
        Assert.Equal(["信息", "公开"], query.Groups[0][0].Tokens.Select(t => t.Term));
        // The index's positions: 信息@0, then 息 on its own @1, 公开@2 — the same as in 信息公开, so the space typed
        // inside the quotes does not make the phrase miss the text that has none.
        Assert.Equal([0, 2], query.Groups[0][0].Tokens.Select(t => t.Position));
        Assert.Equal("指南", query.Groups[1][0].Text);
    }

    [Theory]
    [InlineData("公开*")]
    [InlineData("公?开")]
    [InlineData("  公开  ")]
    [InlineData("公开 AND 。")]
    public void Wildcards_and_stray_punctuation_are_ignored_rather_than_refused(string query)
    {
        var result = _parser.Parse(query);
        Assert.Null(result.Error);
        Assert.Single(result.Query!.Groups);
    }

    [Theory]
    [InlineData("title:公开")]
    [InlineData("公开^100")]
    [InlineData("{!lucene}公开")]
    [InlineData("公开~2 [a TO z] \\")]
    [InlineData("永公(办)发[2017]28号")]
    [InlineData("640121-103/2017-48967")]
    public void Lucene_syntax_in_user_input_is_plain_text(string query)
    {
        var result = _parser.Parse(query);
        Assert.Null(result.Error);
        Assert.Empty(result.Query!.Excluded);
    }
}
