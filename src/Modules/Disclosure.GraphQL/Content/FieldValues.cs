using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Contents.Items;
using Disclosure.Core.ContentManagement.Metadata;

namespace Disclosure.GraphQL.Content;

/// <summary>A <see cref="FieldType.Link"/> value.</summary>
public sealed record LinkValue(string Url, string? Text);

/// <summary>One file of a <see cref="FieldType.Media"/> field, with its public address on the item's page.</summary>
public sealed record MediaFile(string Name, string Path, long? Size, string Url);

/// <summary>A <see cref="FieldType.Table"/> value: the definition's column headings and the rows of cells.</summary>
public sealed record TableValue(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>
/// Reads a stored field value (JSON, as the validator accepted it) as the CLR value its GraphQL type serialises. A value
/// of the wrong shape — only possible in data older than a change of definition — reads as null, never as an error.
/// </summary>
public static class FieldValues
{
    public static string? Text(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    public static IReadOnlyList<string> Texts(JsonNode? value) => value switch
    {
        JsonArray array => array.Select(Text).OfType<string>().ToList(),
        _ when Text(value) is { } single => [single],
        _ => [],
    };

    public static DateOnly? Date(JsonNode? value) =>
        DateOnly.TryParseExact(Text(value), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    public static decimal? Number(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var number) ? number
        : value is JsonValue d && d.GetValueKind() == JsonValueKind.Number && decimal.TryParse(d.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    public static bool? Boolean(JsonNode? value) => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static LinkValue? Link(JsonNode? value) =>
        value is JsonObject link && Text(link["url"]) is { Length: > 0 } url ? new LinkValue(url, Text(link["text"])) : null;

    public static IReadOnlyList<MediaFile> Media(string itemId, JsonNode? value) =>
        (value switch { JsonArray a => a.OfType<JsonObject>(), JsonObject o => [o], _ => [] })
            .Where(o => Text(o["path"]) is { Length: > 0 })
            .Select(o =>
            {
                var path = Text(o["path"])!;
                var size = o["size"] is JsonValue s && s.TryGetValue<long>(out var bytes) ? bytes : (long?)null;
                return new MediaFile(Text(o["name"]) ?? System.IO.Path.GetFileName(path), path, size, ItemUrls.Attachment(itemId, path));
            })
            .ToList();

    public static TableValue? Table(ContentFieldDefinition field, JsonNode? value) =>
        value is JsonObject table && table["rows"] is JsonArray rows
            ? new TableValue(field.Columns, rows.OfType<JsonArray>().Select(r => (IReadOnlyList<string?>)r.Select(Text).ToList()).ToList())
            : null;
}
