using Disclosure.Channels.Content;
using Disclosure.Channels.WeChat;
using Disclosure.Contents.Items;
using Disclosure.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Weibo;

/// <summary>A picture as posted: within the platform's limits (JPEG, GIF or PNG, under 5 MB).</summary>
public sealed record WeiboPicture(byte[] Bytes, string ContentType, string FileName)
{
    public const int MaxBytes = 5 * 1024 * 1024 - 1;

    /// <summary>Re-encoded pictures keep this much of their detail: the platform shows them at most this wide.</summary>
    public const int MaxSide = 2048;
}

/// <summary>What one post says and shows.</summary>
public sealed record WeiboPost(string Text, WeiboPicture Picture);

/// <summary>
/// Turns a version into a post: the text (<see cref="WeiboText.Compose"/>) from the title, the 内容概述 (or the
/// body's opening text) and the public page's address; the picture is the item's first own picture — in the body,
/// else among the attachments — re-encoded as a JPEG within <see cref="WeiboPicture.MaxSide"/> px and 5 MB, or the
/// WeChat channel's title card (<see cref="CoverCard"/>) when it has none or it cannot be read.
/// </summary>
public sealed partial class WeiboPostBuilder(
    ItemPageBuilder pages,
    MediaStore media,
    ChannelItemLoader items,
    IOptions<WeiboOptions> options,
    IOptions<WeChatOptions> wechat,
    ILogger<WeiboPostBuilder> logger)
{
    public async Task<WeiboPost> BuildAsync(ChannelItem item, bool correction, CancellationToken cancellationToken)
    {
        var page = await pages.BuildAsync(item.Item, item.Version, previewNote: null, cancellationToken);
        var body = WeChatHtml.Parse(page.BodyHtml).Body!;
        var digest = item.Summary ?? string.Join(' ', body.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var text = WeiboText.Compose(item.Version.Title, digest, item.Url, correction);

        var local = ItemPictures.LocalPaths(item);
        var candidates = body.QuerySelectorAll("img").Select(i => i.GetAttribute("src") ?? string.Empty)
            .Concat(page.Attachments.Where(a => ItemPictures.IsPicture(a.Url)).Select(a => a.Url))
            .Select(src => local.GetValueOrDefault(src) ?? local.GetValueOrDefault(ItemPictures.StripOrigin(src, items)))
            .OfType<string>();
        foreach (var path in candidates)
        {
            if (await ReadAsync(path, cancellationToken) is { } picture)
            {
                return new WeiboPost(text, picture);
            }
        }

        var card = CoverCard.Draw(item.Version.Title, item.AgencyName, options.Value.CoverFont ?? wechat.Value.CoverFont);
        return new WeiboPost(text, new WeiboPicture(card, "image/jpeg", "cover.jpg"));
    }

    private async Task<WeiboPicture?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!media.Exists(path))
        {
            return null;
        }

        await using var stream = media.OpenRead(path);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        try
        {
            return new WeiboPicture(WeChatImages.Within(buffer.ToArray(), WeiboPicture.MaxSide, WeiboPicture.MaxBytes), "image/jpeg", "picture.jpg");
        }
        catch (InvalidDataException ex)
        {
            LogUnreadablePicture(logger, path, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "政务微博：图片 {Path} 无法读取（{Message}），改用标题卡片")]
    private static partial void LogUnreadablePicture(ILogger logger, string path, string message);
}
