using System.Net;
using System.Text;

namespace Disclosure.Interaction.Interviews;

/// <summary>Plain text the office or the public wrote, as safe HTML: encoded, each line break kept, never markup.</summary>
public static class InterviewText
{
    public static string Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var html = new StringBuilder();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(string.Join("<br>", paragraph.Split('\n').Select(WebUtility.HtmlEncode))).Append("</p>");
        }

        return html.ToString();
    }
}
