using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Disclosure.Channels.Content;
using Disclosure.Contents.Items;
using Disclosure.Contents.Rendering;
using Disclosure.Core.Text;
using Disclosure.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.WeChat;

/// <summary>
/// Turns a version into a WeChat article: the same page the public site shows (目录 metadata, body, the type's
/// fields, attachments), rewritten by <see cref="WeChatHtml"/>; every image of the item re-encoded within the limits
/// and re-hosted through <c>media/uploadimg</c>; the cover cut from the first picture or drawn as a title card and
/// uploaded as thumb material; title, author and digest fitted to their lengths; the public page as 阅读原文.
/// </summary>
public sealed partial class WeChatArticleBuilder(
    ItemPageBuilder pages,
    WeChatClient client,
    MediaStore media,
    ChannelItemLoader items,
    IOptions<WeChatOptions> options,
    ILogger<WeChatArticleBuilder> logger)
{
    private const string TruncatedNote = "<p style=\"margin:12px 0;color:#888;\">（篇幅所限，全文请点击“阅读原文”查看。）</p>";

    /// <summary>The article for <paramref name="account"/>: its images and cover are uploaded to that account.</summary>
    public async Task<WeChatArticle> BuildAsync(WeChatAccount account, ChannelItem item, CancellationToken cancellationToken)
    {
        var page = await pages.BuildAsync(item.Item, item.Version, previewNote: null, cancellationToken);
        var document = WeChatHtml.Parse(Compose(page));
        WeChatHtml.Rewrite(document);

        var localImages = ItemPictures.LocalPaths(item);
        var rehosted = new Dictionary<string, (string Url, byte[] Original)>(StringComparer.Ordinal);
        byte[]? firstPicture = null;
        foreach (var image in document.Body!.QuerySelectorAll("img").ToList())
        {
            var picture = await RehostAsync(account, image, localImages, rehosted, cancellationToken);
            firstPicture ??= picture;
        }

        var content = Fit(document.Body.InnerHtml);
        var thumb = firstPicture is null
            ? CoverCard.Draw(item.Version.Title, item.AgencyName, options.Value.CoverFont)
            : WeChatImages.ForThumb(firstPicture);
        var material = await client.UploadAsync(account, "/cgi-bin/material/add_material", "thumb", thumb, "cover.jpg", "image/jpeg", cancellationToken);

        var author = string.IsNullOrWhiteSpace(account.Author) ? item.AgencyName ?? string.Empty : account.Author;
        var digest = item.Summary ?? PlainText(page.BodyHtml);
        var source = item.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || item.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? item.Url : null;
        return new WeChatArticle(
            WeChatArticle.Fit(item.Version.Title, WeChatArticle.TitleMax),
            WeChatArticle.Fit(author, WeChatArticle.AuthorMax),
            WeChatArticle.Fit(digest, WeChatArticle.DigestMax),
            content,
            source,
            material["media_id"]?.ToString() ?? throw new WeChatTransportException("微信 add_material 接口未返回 media_id。"));
    }

    /// <summary>The public page's parts as one HTML fragment, in the page's order.</summary>
    private static string Compose(ItemPage page)
    {
        var html = new StringBuilder();
        var rows = page.Metadata.Where(r => r.Value.Length > 0).ToList();
        if (rows.Count > 0)
        {
            html.Append("<table><tbody>");
            foreach (var row in rows)
            {
                html.Append("<tr><th>").Append(WebUtility.HtmlEncode(row.Label)).Append("</th><td>").Append(WebUtility.HtmlEncode(row.Value)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append(page.BodyHtml);
        foreach (var field in page.Fields)
        {
            html.Append("<h3>").Append(WebUtility.HtmlEncode(field.Label)).Append("</h3>").Append(field.Html);
        }

        if (page.Attachments.Count > 0)
        {
            html.Append("<h3>附件</h3><ul>");
            foreach (var attachment in page.Attachments)
            {
                html.Append("<li>").Append(WebUtility.HtmlEncode(attachment.Name));
                if (attachment.Size is { } size)
                {
                    html.Append('（').Append(FileSizeText.Format(size)).Append('）');
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
            // Pictures among the attachments are shown in the article; other files are downloaded from the site.
            foreach (var picture in page.Attachments.Where(a => ItemPictures.IsPicture(a.Url)))
            {
                html.Append("<p><img src=\"").Append(WebUtility.HtmlEncode(picture.Url)).Append("\" alt=\"").Append(WebUtility.HtmlEncode(picture.Name)).Append("\"></p>");
            }

            html.Append("<p>附件请点击“阅读原文”在网站下载。</p>");
        }

        return html.ToString();
    }

    /// <summary>
    /// Re-hosts one image and returns its original bytes; an image that is not one of the item's own attachments
    /// (the platform strips other addresses, and fetching arbitrary URLs from the server would be unsafe) or cannot
    /// be read is replaced by its description.
    /// </summary>
    private async Task<byte[]?> RehostAsync(
        WeChatAccount account,
        IElement image,
        IReadOnlyDictionary<string, string> localImages,
        Dictionary<string, (string Url, byte[] Original)> rehosted,
        CancellationToken cancellationToken)
    {
        var src = image.GetAttribute("src") ?? string.Empty;
        var path = localImages.GetValueOrDefault(src) ?? localImages.GetValueOrDefault(ItemPictures.StripOrigin(src, items));
        if (path is not null && rehosted.TryGetValue(path, out var done))
        {
            // The same picture in the body and among the attachments is uploaded once (uploads count against the quota).
            image.SetAttribute("src", done.Url);
            return done.Original;
        }

        byte[]? original = null;
        if (path is not null && media.Exists(path))
        {
            await using var stream = media.OpenRead(path);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            original = buffer.ToArray();
        }

        byte[]? encoded = null;
        if (original is not null)
        {
            try
            {
                encoded = WeChatImages.ForArticle(original);
            }
            catch (InvalidDataException ex)
            {
                LogUnreadableImage(logger, path, ex.Message);
            }
        }

        if (encoded is null)
        {
            var alt = image.GetAttribute("alt");
            if (string.IsNullOrWhiteSpace(alt))
            {
                image.Remove();
            }
            else
            {
                image.Parent!.ReplaceChild(image.Owner!.CreateTextNode($"〔图片：{alt}〕"), image);
            }

            return null;
        }

        var uploaded = await client.UploadAsync(account, "/cgi-bin/media/uploadimg", null, encoded, "image.jpg", "image/jpeg", cancellationToken);
        var url = uploaded["url"]?.ToString() ?? throw new WeChatTransportException("微信 uploadimg 接口未返回 url。");
        image.SetAttribute("src", url);
        rehosted[path!] = (url, original!);
        return original;
    }

    /// <summary>Keeps the content within 20 000 characters and 1 MB by dropping whole blocks from the end.</summary>
    private static string Fit(string html)
    {
        if (Within(html))
        {
            return html;
        }

        var document = WeChatHtml.Parse(html);
        var body = document.Body!;
        while (body.LastChild is { } last && !Within(body.InnerHtml + TruncatedNote))
        {
            body.RemoveChild(last);
        }

        return body.InnerHtml + TruncatedNote;
    }

    private static bool Within(string html) =>
        html.Length < WeChatArticle.ContentMaxChars && Encoding.UTF8.GetByteCount(html) < WeChatArticle.ContentMaxBytes;

    /// <summary>The body's text, for a digest when the item has no 内容概述.</summary>
    private static string PlainText(string html) =>
        string.Join(' ', (WeChatHtml.Parse(html).Body?.TextContent ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [LoggerMessage(Level = LogLevel.Warning, Message = "微信文章：图片 {Path} 无法读取（{Message}），以文字代替")]
    private static partial void LogUnreadableImage(ILogger logger, string? path, string message);
}
