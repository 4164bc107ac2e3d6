using Disclosure.Core.Secrecy;
using Disclosure.Core.Time;

namespace Disclosure.Core.Tests.Secrecy;

/// <summary>
/// The ID-number rules on their own, where the scanner's order of checks would hide a mistake: a suspect is only
/// ever asked about after <see cref="ResidentIdNumber.IsValid"/> said no, so its own answer for a valid number, a
/// lower-case x or a damaged number is pinned here.
/// </summary>
public sealed class ResidentIdNumberTests
{
    [Theory]
    [InlineData("1101051949123100", null)]            // 16 characters
    [InlineData("110105194912310021", null)]          // 18
    [InlineData("11010519491231X02", null)]           // not all digits
    [InlineData("11010519491231002", 'X')]
    [InlineData("11010119900307447", '7')]
    [InlineData("11010119900307448", '5')]
    public void The_check_character_is_computed_from_exactly_17_digits(string first17, char? expected) =>
        Assert.Equal(expected, ResidentIdNumber.CheckCharacter(first17));

    [Theory]
    [InlineData("110101199003074478", true)]          // 8 where 7 is right
    [InlineData("11010519491231002X", false)]         // right
    [InlineData("11010519491231002x", false)]         // right, written in lower case
    [InlineData("110101199003074477", false)]         // right
    [InlineData("11010119900307447x", true)]          // x where 7 is right
    [InlineData("11010119900307447A", false)]         // A is no check character at all
    [InlineData("990101199003074478", false)]         // no such province
    [InlineData("110101199002304478", false)]         // no such date
    [InlineData("1101011990030744Z8", false)]         // not 17 digits before the check
    [InlineData("11010119900307447", false)]          // 17 characters
    [InlineData("1101011990030744780", false)]        // 19 characters
    [InlineData(null, false)]
    public void A_suspect_is_a_real_looking_number_with_the_wrong_check_character(string? id, bool suspect) =>
        Assert.Equal(suspect, ResidentIdNumber.HasWrongCheckCharacter(id!));

    [Fact]
    public void Someone_born_this_year_has_a_valid_number_and_nobody_born_next_year_does()
    {
        var year = ChinaTime.ToDate(DateTime.UtcNow).Year;
        Assert.True(ResidentIdNumber.IsValid(WithCheck($"110101{year}0101123")));
        Assert.False(ResidentIdNumber.IsValid(WithCheck($"110101{year + 1}0101123")));
        Assert.True(ResidentIdNumber.HasWrongCheckCharacter(WrongCheck($"110101{year}0101123")));
        Assert.False(ResidentIdNumber.HasWrongCheckCharacter(WrongCheck($"110101{year + 1}0101123")));
        Assert.False(ResidentIdNumber.HasWrongCheckCharacter(WrongCheck("11010118991231123"))); // born in 1899
    }

    [Theory]
    [InlineData("11010549123100X")]                   // 15 characters, but not all digits
    [InlineData("1101054912310 2")]
    public void The_old_fifteen_digit_form_is_digits_only(string id) => Assert.False(ResidentIdNumber.IsValid(id));

    private static string WithCheck(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17);

    private static string WrongCheck(string first17) =>
        first17 + (ResidentIdNumber.CheckCharacter(first17) == '0' ? '1' : '0');
}
