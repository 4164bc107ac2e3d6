using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Web.Tests.Architecture;

/// <summary>
/// Every stylesheet we ship closes every block it opens. A browser does not complain about an unclosed block: it
/// quietly nests everything after it inside (the theme once had an unclosed <c>@media print</c>, and every rule after it
/// applied only on paper).
/// </summary>
public sealed class StylesheetTests
{
    public static TheoryData<string> Stylesheets()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "themes", Path.Combine("src", "Disclosure.Web", "wwwroot") })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.css", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Stylesheets))]
    public void Every_block_that_is_opened_is_closed(string stylesheet)
    {
        var css = File.ReadAllText(Path.Combine(RepositoryPaths.Root, stylesheet));
        var depth = 0;
        var line = 1;
        for (var i = 0; i < css.Length; i++)
        {
            switch (css[i])
            {
                case '\n':
                    line++;
                    break;
                case '/' when i + 1 < css.Length && css[i + 1] == '*':
                    var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    Assert.True(end >= 0, $"{stylesheet}:{line}: a comment is never closed.");
                    line += css.AsSpan(i, end - i).Count('\n');
                    i = end + 1;
                    break;
                case '"' or '\'':
                    var quote = css[i];
                    var close = css.IndexOf(quote, i + 1);
                    Assert.True(close >= 0, $"{stylesheet}:{line}: a string is never closed.");
                    i = close;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    Assert.True(depth >= 0, $"{stylesheet}:{line}: a block is closed that was never opened.");
                    break;
            }
        }

        Assert.True(depth == 0, $"{stylesheet}: {depth} block(s) opened and never closed.");
    }
}
