using Disclosure.Core.ContentManagement;

namespace Disclosure.Core.Tests;

public sealed class ContentDataTests
{
    [Fact]
    public void The_hash_ignores_key_order_and_whitespace()
    {
        var a = ContentData.Parse("""{"TitlePart":{"Title":"通知"},"BodyPart":{"Markdown":"正文"}}""");
        var b = ContentData.Parse("""{ "BodyPart": { "Markdown": "正文" },  "TitlePart": { "Title": "通知" } }""");
        Assert.Equal(a.ComputeHash("Disclosure"), b.ComputeHash("Disclosure"));
    }

    [Fact]
    public void The_hash_changes_with_any_value_or_the_type()
    {
        var a = ContentData.Parse("""{"TitlePart":{"Title":"通知"},"BodyPart":{"Markdown":"正文"}}""");
        var b = ContentData.Parse("""{"TitlePart":{"Title":"通知"},"BodyPart":{"Markdown":"正文。"}}""");
        Assert.NotEqual(a.ComputeHash("Disclosure"), b.ComputeHash("Disclosure"));
        Assert.NotEqual(a.ComputeHash("Disclosure"), a.ComputeHash("RegulatoryDocument"));
        Assert.Matches("^[0-9a-f]{64}$", a.ComputeHash("Disclosure"));
    }
}
