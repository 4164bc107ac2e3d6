using System.Text;

namespace Disclosure.Core.Text;

/// <summary>
/// Removes the doubled punctuation that appears when a stored sentence that already ends with a mark is set into
/// a template that adds its own: “。。”, “，。”, “：：”, and “情况。”。” for a quoted full sentence. The template's
/// mark (the last of a run) is kept, except that ？ and ！ are never dropped in favour of a plainer one.
/// </summary>
public static class DoubledPunctuation
{
    private const string Marks = "。，；：、.,;:";
    private const string Strong = "？！?!";
    private const string ClosingQuotes = "”’」』）)";

    public static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsMark(text[i]))
            {
                // A mark just before a closing quote that is itself followed by a mark: 情况。”。 → 情况”。
                if (ClosingQuotes.Contains(text[i]) && result.Length > 0 && Marks.Contains(result[^1]) && i + 1 < text.Length && IsMark(text[i + 1]))
                {
                    result.Length--;
                }

                result.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && IsMark(text[i]))
            {
                i++;
            }

            var run = text[start..i];
            result.Append(run.Length == 1 ? run[0] : Kept(run));
        }

        return result.ToString();
    }

    private static bool IsMark(char c) => Marks.Contains(c) || Strong.Contains(c);

    private static char Kept(string run) =>
        run.LastOrDefault(c => Strong.Contains(c)) is var strong and not '\0' ? strong : run[^1];
}
