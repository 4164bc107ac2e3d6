using System.Text.Json.Nodes;

namespace Disclosure.Channels.WeChat;

/// <summary>One article of a draft (<c>draft/add</c>), within the platform's limits.</summary>
public sealed record WeChatArticle(string Title, string Author, string Digest, string Content, string? ContentSourceUrl, string ThumbMediaId)
{
    public const int TitleMax = 32;
    public const int AuthorMax = 16;
    public const int DigestMax = 128;
    public const int ContentMaxChars = 20_000;
    public const int ContentMaxBytes = 1024 * 1024;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["title"] = Title,
            ["author"] = Author,
            ["digest"] = Digest,
            ["content"] = Content,
            ["thumb_media_id"] = ThumbMediaId,
            ["need_open_comment"] = 0,
            ["only_fans_can_comment"] = 0,
        };
        if (ContentSourceUrl is not null)
        {
            json["content_source_url"] = ContentSourceUrl;
        }

        return json;
    }

    /// <summary>Cuts text to a limit counted in characters, marking the cut.</summary>
    public static string Fit(string text, int max)
    {
        var elements = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        return elements.Length <= max ? text : text[..elements[max - 1]] + "…";
    }
}
