using Disclosure.Core.Secrecy;

namespace Disclosure.Core.Tests.Secrecy;

/// <summary>The surname list the name-in-context rule starts from.</summary>
public sealed class ChineseSurnamesTests
{
    [Theory]
    [InlineData("欧阳娜娜", 2)]
    [InlineData("欧阳", 2)]                             // a 复姓 alone is still read as one
    [InlineData("欧", 1)]
    [InlineData("王五", 1)]
    [InlineData("单于明", 1)]                           // 单于 is left out on purpose
    [InlineData("公民", 0)]
    [InlineData("", 0)]
    public void The_surname_is_the_compound_one_when_it_can_be(string text, int length) =>
        Assert.Equal(length, ChineseSurnames.SurnameLength(text));

    [Fact]
    public void The_list_holds_the_common_single_surnames_and_not_the_ordinary_words_left_out()
    {
        Assert.Equal(459, ChineseSurnames.SingleCount); // README: about 460 single surnames
        Assert.True(ChineseSurnames.IsSingle('王'));
        Assert.All("家后红通能有本信经从", c => Assert.False(ChineseSurnames.IsSingle(c)));
        Assert.Contains("欧阳", ChineseSurnames.Compound);
        Assert.DoesNotContain("单于", ChineseSurnames.Compound);
    }
}
