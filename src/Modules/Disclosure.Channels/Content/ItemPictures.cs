using System.Text.Json.Nodes;
using Disclosure.Contents.Items;

namespace Disclosure.Channels.Content;

/// <summary>
/// An item's own pictures as channels find them: the attachments the page links, by their public URL, mapped to the
/// media store's paths. Only these are ever read — a picture from elsewhere is never fetched by the server.
/// </summary>
internal static class ItemPictures
{
    /// <summary>Every attachment URL of the item (as the public page links it) to its media path.</summary>
    public static Dictionary<string, string> LocalPaths(ChannelItem item)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in MediaPaths(item.Data.Root))
        {
            paths[ItemUrls.Attachment(item.Item.ContentItemId, path)] = path;
        }

        return paths;
    }

    /// <summary>A page-relative form of <paramref name="src"/> when it points at the site itself.</summary>
    public static string StripOrigin(string src, ChannelItemLoader items)
    {
        var origin = items.AbsoluteUrl(string.Empty);
        return origin.Length > 0 && src.StartsWith(origin, StringComparison.OrdinalIgnoreCase) ? src[origin.Length..] : src;
    }

    public static bool IsPicture(string url) =>
        Path.GetExtension(url).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".gif" or ".bmp" or ".webp";

    private static IEnumerable<string> MediaPaths(JsonNode? node) => node switch
    {
        JsonObject o when o["path"] is JsonValue v && v.TryGetValue<string>(out var path) => [path],
        JsonObject o => o.SelectMany(p => MediaPaths(p.Value)),
        JsonArray a => a.SelectMany(MediaPaths),
        _ => [],
    };
}
