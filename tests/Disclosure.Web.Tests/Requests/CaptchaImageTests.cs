using Disclosure.Requests.Data;
using Disclosure.Requests.Public;
using Disclosure.Requests.Services;
using Disclosure.Site.Forms;
namespace Disclosure.Web.Tests.Requests;

public sealed class CaptchaImageTests
{
    [Fact]
    public void Every_character_the_store_may_choose_has_a_glyph_and_the_image_is_a_png()
    {
        Assert.All(CaptchaStore.Alphabet, c => Assert.True(CaptchaImage.CanDraw(c), $"“{c}” has no glyph."));
        var png = CaptchaImage.Render(CaptchaStore.Alphabet[..CaptchaStore.Length]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        // Drawn at random: the same answer never gives the same picture twice.
        Assert.NotEqual(Convert.ToBase64String(png), Convert.ToBase64String(CaptchaImage.Render(CaptchaStore.Alphabet[..CaptchaStore.Length])));
    }
}
