using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Contents.Items;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Text;

namespace Disclosure.Contents.Rendering;

/// <summary>
/// Renders a field value to safe HTML from its definition, so every content type, including ones an office
/// declares later in a recipe, gets a readable public page without a template of its own.
/// </summary>
public static class FieldRenderer
{
    /// <param name="resolveItem">Title and URL of a picked item, or null if it is not public.</param>
    public static string Render(string itemId, ContentFieldDefinition field, JsonNode value, Func<string, ItemLink?> resolveItem) => field.Type switch
    {
        FieldType.Markdown => MarkdownRenderer.ToHtml(Text(value)),
        FieldType.Html => MarkdownRenderer.SanitizeHtml(Text(value)),
        FieldType.Boolean => value is JsonValue b && b.TryGetValue<bool>(out var flag) ? (flag ? "是" : "否") : Encode(Text(value)),
        FieldType.Number => Encode(FormatNumber(value, field)),
        FieldType.Link => RenderLink(value),
        FieldType.Table => RenderTable(field, value),
        FieldType.Media => RenderMedia(itemId, value),
        FieldType.ContentPicker => RenderPicked(value, resolveItem),
        FieldType.Choice when value is JsonArray list => Encode(string.Join("、", list.Select(x => x?.ToString()))),
        _ => Encode(Text(value)),
    };

    public static IEnumerable<Attachment> Attachments(string itemId, JsonNode? value) =>
        (value switch { JsonArray a => a.OfType<JsonObject>(), JsonObject o => [o], _ => [] })
            .Where(o => o["path"] is not null)
            .Select(o => new Attachment(
                o["name"]?.ToString() ?? Path.GetFileName(o["path"]!.ToString()),
                ItemUrls.Attachment(itemId, o["path"]!.ToString()),
                o["size"] is JsonValue s && s.TryGetValue<long>(out var size) ? size : null));

    private static string Text(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string FormatNumber(JsonNode value, ContentFieldDefinition field) =>
        value is JsonValue v && v.TryGetValue<decimal>(out var number)
            ? number.ToString(field.Scale > 0 ? "#,##0." + new string('0', field.Scale) : "#,##0.##", CultureInfo.InvariantCulture)
            : Text(value);

    private static string RenderLink(JsonNode value)
    {
        var url = value["url"]?.ToString();
        if (string.IsNullOrWhiteSpace(url) || !(url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith('/')))
        {
            return Encode(value["text"]?.ToString());
        }

        return $"<a href=\"{Encode(url)}\">{Encode(value["text"]?.ToString() is { Length: > 0 } text ? text : url)}</a>";
    }

    private static string RenderTable(ContentFieldDefinition field, JsonNode value)
    {
        if (value["rows"] is not JsonArray rows || rows.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<div class=\"table-scroll\"><table><thead><tr>");
        foreach (var column in field.Columns)
        {
            html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows.OfType<JsonArray>())
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Encode(cell?.ToString())).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string RenderMedia(string itemId, JsonNode value)
    {
        var html = new StringBuilder("<ul class=\"attachments\">");
        foreach (var attachment in Attachments(itemId, value))
        {
            html.Append("<li><a href=\"").Append(Encode(attachment.Url)).Append("\" download>").Append(Encode(attachment.Name)).Append("</a>");
            if (attachment.Size is { } size)
            {
                html.Append(" <span class=\"size\">（").Append(FileSizeText.Format(size)).Append("）</span>");
            }

            html.Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }

    private static string RenderPicked(JsonNode value, Func<string, ItemLink?> resolveItem)
    {
        var ids = value is JsonArray list ? list.Select(x => x?.ToString()) : [Text(value)];
        var links = ids.OfType<string>().Select(resolveItem).OfType<ItemLink>().ToList();
        return links.Count == 0
            ? string.Empty
            : "<ul class=\"links\">" + string.Concat(links.Select(l => $"<li><a href=\"{Encode(ItemUrls.Item(l.Id))}\">{Encode(l.Title)}</a></li>")) + "</ul>";
    }
}
