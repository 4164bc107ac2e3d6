using Disclosure.Core.IndexNumbers;

namespace Disclosure.Core.Tests;

public sealed class IndexNumberFormatTests
{
    private static readonly IndexNumberContext Yongning = new("640121-103", "640121", "103", new DateOnly(2017, 3, 29));

    [Fact]
    public void The_default_pattern_gives_the_seed_003_form()
    {
        var format = IndexNumberFormat.Parse(IndexNumberFormat.Default);
        Assert.Equal("640121-103/2017-48967", format.Format(Yongning, 48967));
        Assert.Equal("640121-103/2017-00007", format.Format(Yongning, 7));
        Assert.Equal("640121-103/2017-{seq}", format.Scope(Yongning));
    }

    [Fact]
    public void Other_published_forms_can_be_configured()
    {
        var credit = IndexNumberFormat.Parse("{agency}/{year}{month}-{seq:00000}");
        var context = Yongning with { AgencyCode = "11341702486344515H", Date = new DateOnly(2021, 10, 5) };
        Assert.Equal("11341702486344515H/202110-00013", credit.Format(context, 13));

        var plain = IndexNumberFormat.Parse("{area}-{dept}/{year}-{seq}");
        Assert.Equal("640121-103/2017-123456", plain.Format(Yongning, 123456));
    }

    [Fact]
    public void A_new_year_starts_a_new_scope()
    {
        var format = IndexNumberFormat.Parse(IndexNumberFormat.Default);
        Assert.NotEqual(format.Scope(Yongning), format.Scope(Yongning with { Date = new DateOnly(2018, 1, 1) }));
    }

    [Theory]
    [InlineData("{area}-{dept}/{year}", "必须包含且只包含一个流水号占位符")]
    [InlineData("{seq}-{seq}", "必须包含且只包含一个流水号占位符")]
    [InlineData("{area}/{yyyy}-{seq}", "占位符 {yyyy} 无法识别")]
    [InlineData("{area}/{year:0000}-{seq}", "只有 {seq} 可以指定位数")]
    [InlineData("{area/{year}-{seq}", "不成对的花括号")]
    public void Bad_patterns_are_refused_with_a_reason(string pattern, string message)
    {
        Assert.False(IndexNumberFormat.TryParse(pattern, out _, out var error));
        Assert.Contains(message, error);
    }
}
