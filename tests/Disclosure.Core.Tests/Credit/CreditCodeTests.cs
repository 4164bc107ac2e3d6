using Disclosure.Core.Text;
using Disclosure.Credit.Models;
namespace Disclosure.Core.Tests.Credit;

public sealed class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]   // the example printed with GB 32100
    [InlineData("11640121MB1570283J")]   // 永宁县公安局 in the demo
    public void Valid_codes_pass(string code)
    {
        Assert.True(CreditCode.IsValid(code));
        Assert.Null(CreditCode.Check(code));
    }

    [Theory]
    [InlineData("91350100M000100Y44", "校验位错误：按 GB 32100 应为“3”，实为“4”")]
    [InlineData("91350100M000100Y4", "应为 18 位，实为 17 位")]
    [InlineData("91350100M0001I0Y43", "含有不允许的字符“I”")]
    [InlineData("", "为空")]
    [InlineData("9135A100M000100Y4Y", "第 3 至 8 位行政区划码应为数字，实为“35A100”")]   // its check character fits
    public void Invalid_codes_say_why(string code, string reason)
    {
        Assert.False(CreditCode.IsValid(code));
        Assert.StartsWith(reason, CreditCode.Check(code));
    }

    [Fact]
    public void Individual_businesses_are_registration_category_92()
    {
        Assert.True(CreditCode.IsIndividualBusiness(CreditSamples.CreditCode("92640121MA7B3C4D5")));
        Assert.False(CreditCode.IsIndividualBusiness(CreditSamples.CreditCode("91640121MA7B3C4D5")));
    }

    [Theory]
    [InlineData("永公(治)行罚决字〔2026〕12号", "永公（治）行罚决字[2026]12号")]
    [InlineData("永公(治)行罚决字【2026】12号", "永公 (治) 行罚决字［2026］１２号")]
    [InlineData("yng-2026-001", "YNG-2026-001")]
    public void Decision_numbers_compare_regardless_of_brackets_width_and_spaces(string a, string b) =>
        Assert.Equal(DecisionNumberKey.Normalize(a), DecisionNumberKey.Normalize(b));
}
