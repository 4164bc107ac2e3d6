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

    [Theory]
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
