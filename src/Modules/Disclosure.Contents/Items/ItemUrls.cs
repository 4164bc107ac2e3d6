namespace Disclosure.Contents.Items;

/// <summary>The public site's URLs in one place, so pages, feeds, the sitemap and the QR code agree.</summary>
public static class ItemUrls
{
    public static string Item(string id) => $"/content/{Uri.EscapeDataString(id)}";

    public static string Attachment(string id, string path) => $"{Item(id)}/attachments/{path}";

    public static string Qr(string id) => $"{Item(id)}/qr.svg";

    public static string Catalogue(string? code = null, int page = 1) =>
        (code is null ? "/catalogue" : $"/catalogue/{Uri.EscapeDataString(code)}") + (page > 1 ? $"?page={page}" : string.Empty);

    public static string ContentType(string type, int page = 1) => $"/types/{Uri.EscapeDataString(type)}" + (page > 1 ? $"?page={page}" : string.Empty);

    public static string Feed(string code) => $"/feeds/{Uri.EscapeDataString(code)}.atom";
}
