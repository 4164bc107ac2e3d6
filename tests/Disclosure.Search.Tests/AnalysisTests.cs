using Disclosure.Search.Analysis;
using Disclosure.Search.Identifiers;

namespace Disclosure.Search.Tests;

/// <summary>The Chinese analyzer and the 索引号/文号 key, on their own.</summary>
public sealed class AnalysisTests : IDisposable
{
    private readonly ChineseAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    private string[] Terms(string text) => _analyzer.Tokenize(text).Select(t => t.Term).ToArray();

    [Fact]
    public void A_run_of_Chinese_becomes_overlapping_bigrams()
    {
        Assert.Equal(["政府", "府信", "信息", "息公", "公开"], Terms("政府信息公开"));
    }

    [Fact]
    public void A_Chinese_character_standing_alone_stays_a_unigram()
    {
        Assert.Equal(["警", "110"], Terms("警 110"));
        Assert.Equal(["第", "3", "号"], Terms("第3号"));
    }

    [Fact]
    public void A_two_character_query_is_one_of_the_bigrams_of_a_longer_word()
    {
        var query = Terms("公开");
        Assert.Equal(["公开"], query);
        Assert.Contains(query[0], Terms("关于政府信息公开工作的通知"));
    }

    [Fact]
    public void Latin_words_and_digit_runs_are_kept_whole_and_lower_cased()
    {
        Assert.Equal(["app", "12123", "下载", "载安", "安装"], Terms("APP 12123下载安装"));
        Assert.Equal(["wechat", "2017", "年"], Terms("WeChat 2017年"));
        Assert.Equal(["v2.0", "版"], Terms("V2.0版"));
    }

    [Fact]
    public void Full_width_forms_are_folded_to_half_width()
    {
        Assert.Equal(Terms("ABC 2017"), Terms("ＡＢＣ　２０１７"));
        Assert.Equal(["abc", "2017"], Terms("ＡＢＣ　２０１７"));
        Assert.Equal(Terms("永公发(2017)28号"), Terms("永公发（２０１７）２８号"));
    }

    [Fact]
    public void Offsets_point_into_the_original_text_for_highlighting()
    {
        const string text = "ＡＢ，信息公开";
        var tokens = _analyzer.Tokenize(text);
        Assert.All(tokens, t => Assert.Equal(t.Term, Normalise(text[t.Start..t.End])));
        Assert.Equal(3, tokens.Single(t => t.Term == "信息").Start);

        static string Normalise(string s) => WidthFolding.Fold(s).ToLowerInvariant();
    }

    [Fact]
    public void Bigrams_stop_at_punctuation_and_line_breaks()
    {
        Assert.Equal(["公安", "机关"], Terms("公安，机关"));
        Assert.DoesNotContain("安机", Terms("公安\n机关"));
    }

    [Fact]
    public void The_index_keeps_every_character_beside_the_bigrams_at_the_bigram_positions()
    {
        var tokens = _analyzer.TokenizeForIndex("交通警察");
        Assert.Equal(["交", "交通", "通", "通警", "警", "警察", "察"], tokens.Select(t => t.Term));
        // The bigrams sit at consecutive positions, as a query's bigrams do, so phrases still match.
        Assert.Equal([0, 1, 2], tokens.Where(t => t.Term.Length == 2).Select(t => t.Position));
        Assert.Contains("警", tokens.Select(t => t.Term));
        Assert.Equal(["警"], Terms("警"));
    }

    [Fact]
    public void A_query_has_the_index_positions_so_a_phrase_from_Chinese_into_digits_or_Latin_matches()
    {
        // In the index the run's last character has a position of its own: 交@0 交管@0 管@1 12123@2.
        var index = _analyzer.TokenizeForIndex("交管12123");
        var query = _analyzer.Tokenize("交管12123");
        Assert.Equal([("交管", 0), ("12123", 2)], query.Select(t => (t.Term, t.Position)));
        Assert.Equal(2, index.Single(t => t.Term == "12123").Position - index.Single(t => t.Term == "交管").Position);
    }

    [Fact]
    public void Traditional_characters_fold_to_simplified_at_index_and_query_time_with_offsets_unchanged()
    {
        Assert.Equal(Terms("网上政务大厅"), Terms("網上政務大廳"));
        Assert.Equal(Terms("户籍"), Terms("戶籍"));
        Assert.Equal(["网上", "上政", "政务", "务大", "大厅"], _analyzer.TokenizeForIndex("網上政務大廳").Where(t => t.Term.Length == 2).Select(t => t.Term));
        Assert.Equal(["政务", "大厅"], _analyzer.TokenizeWords("政務大廳").Select(t => t.Term).Where(t => t is "政务" or "大厅"));
        var tokens = _analyzer.TokenizeForIndex("辦事指南");
        Assert.Equal((0, 2), tokens.Where(t => t.Term == "办事").Select(t => (t.Start, t.End)).Single());
        Assert.Equal("网上政务大厅", ScriptFolding.Fold("網上政務大廳"));
        Assert.Equal("政府信息公开 ABC", ScriptFolding.Fold("政府信息公开 ABC"));
    }

    [Fact]
    public void Dictionary_words_are_the_words_of_the_sentence_without_punctuation()
    {
        Assert.Equal(["关于", "政府", "信息", "公开", "工作", "的", "通知"], _analyzer.TokenizeWords("关于政府信息公开工作的通知。").Select(t => t.Term));
        // 办公开支: 公开 is a bigram of it but not one of its words — the ranking difference the words field makes.
        Assert.DoesNotContain("公开", _analyzer.TokenizeWords("办公开支").Select(t => t.Term));
        Assert.Contains("公开", Terms("办公开支"));
    }

    [Theory]
    [InlineData("國辦發〔2024〕1號", "国办发[2024]1号")]
    [InlineData("永公办发〔2019〕第6号", "永公办发〔2019〕6号")]
    [InlineData("永公(办)发[2017]28号", "永公(办)发【2017】28号")]
    [InlineData("永公（办）发〔2017〕28号", "永公(办)发【2017】28号")]
    [InlineData("永公发（2016）22号", "永公发〔2016〕22号")]
    [InlineData("永公发［2018］21号", "永公发[2018]21号")]
    [InlineData(" 永公发 〔2018〕 21号 ", "永公发[2018]21号")]
    [InlineData("６４０１２１－１０３／２０１７－４８９６７", "640121-103/2017-48967")]
    [InlineData("640121—103/2017—48967", "640121-103/2017-48967")]
    public void Identifier_keys_treat_bracket_forms_widths_and_dashes_as_equal(string typed, string stored)
    {
        Assert.Equal(IdentifierNormalizer.Normalize(stored), IdentifierNormalizer.Normalize(typed));
    }

    [Theory]
    [InlineData("永公发〔2017〕28号", "永公发〔2017〕29号")]
    [InlineData("永公发〔2017〕28号", "永公通〔2017〕28号")]
    [InlineData("640121-103/2017-48967", "640121-103/2017-48968")]
    public void Identifier_keys_still_tell_different_numbers_apart(string first, string second)
    {
        Assert.NotEqual(IdentifierNormalizer.Normalize(first), IdentifierNormalizer.Normalize(second));
    }
}
