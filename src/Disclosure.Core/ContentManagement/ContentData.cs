using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Disclosure;

namespace Disclosure.Core.ContentManagement;

/// <summary>
/// The authored data of one content version: a JSON object with one object per part, each holding its fields
/// (<c>{"TitlePart": {"Title": "…"}, "DisclosureMetadataPart": {…}, "ServiceGuide": {…}}</c>).
/// </summary>
public sealed class ContentData
{
    private static readonly JsonSerializerOptions CompactOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public ContentData(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public static ContentData Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new FormatException("内容数据必须是 JSON 对象。"));

    public JsonNode? Get(string part, string field) => (Root[part] as JsonObject)?[field];

    public string? GetString(string part, string field) =>
        Get(part, field) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public DateOnly? GetDate(string part, string field) =>
        DateOnly.TryParseExact(GetString(part, field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public string Title => GetString(BuiltInParts.TitlePart, BuiltInParts.TitleField) ?? string.Empty;

    public string? Catalogue => GetString(DisclosureMetadataPart.PartName, DisclosureMetadataPart.Catalogue);

    public string? Agency => GetString(DisclosureMetadataPart.PartName, DisclosureMetadataPart.Agency);

    public string? DocumentNumber => GetString(DisclosureMetadataPart.PartName, DisclosureMetadataPart.DocumentNumber);

    public ContentData Clone() => new((JsonObject)Root.DeepClone());

    /// <summary>Compact JSON as stored.</summary>
    public string ToJson() => Root.ToJsonString(CompactOptions);

    /// <summary>
    /// SHA-256 over a canonical form (object keys sorted, no whitespace), so the same data always hashes the
    /// same however it was written. Publication compares this against the approved version's hash.
    /// </summary>
    public string ComputeHash(string contentType)
    {
        var builder = new StringBuilder();
        builder.Append(contentType).Append('\n');
        WriteCanonical(Root, builder);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static void WriteCanonical(JsonNode? node, StringBuilder builder)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    builder.Append(JsonSerializer.Serialize(key, CompactOptions)).Append(':');
                    WriteCanonical(value, builder);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteCanonical(array[i], builder);
                }

                builder.Append(']');
                break;
            default:
                builder.Append(node.ToJsonString(CompactOptions));
                break;
        }
    }
}
