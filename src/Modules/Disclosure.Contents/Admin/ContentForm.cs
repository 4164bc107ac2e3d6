using System.Globalization;
using System.Text.Json.Nodes;
using Disclosure.Admin;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.ContentManagement.Validation;
using Disclosure.Core.Disclosure;
using Microsoft.AspNetCore.Http;

namespace Disclosure.Contents.Admin;

/// <summary>One field ready to render: its definition, its current value as the form shows it, and its errors.</summary>
public sealed record FormField(string Part, ContentFieldDefinition Definition, JsonNode? Value, IReadOnlyList<string> Errors)
{
    /// <summary>The form input name, also the validation path: <c>Part.Field</c>.</summary>
    public string Name => $"{Part}.{Definition.Name}";

    public string Id => Name.Replace('.', '_');

    public string Text => Value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        JsonArray a when Definition.Type == FieldType.ContentPicker => string.Join(", ", a.Select(x => x?.GetValue<string>())),
        _ => Value.ToJsonString(),
    };

    public IReadOnlyList<string> Selected => Value switch
    {
        JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>Table rows as the textarea shows them: one row a line, cells separated by " | ".</summary>
    public string TableText => Value?["rows"] is JsonArray rows
        ? string.Join("\n", rows.OfType<JsonArray>().Select(r => string.Join(" | ", r.Select(c => c?.ToString() ?? string.Empty))))
        : string.Empty;

    public IEnumerable<JsonObject> MediaItems => Value switch
    {
        JsonArray a => a.OfType<JsonObject>(),
        JsonObject o => [o],
        _ => [],
    };
}

public sealed record FormPart(string Name, string DisplayName, IReadOnlyList<FormField> Fields);

/// <summary>
/// Turns a content type definition into a form and a posted form back into content data. Everything the user
/// typed survives a failed validation: a value that does not parse (a number written as text) is kept as typed
/// so the form shows it again beside its error.
/// </summary>
public static class ContentForm
{
    public static IReadOnlyList<FormPart> Describe(ContentTypeDefinition type, ContentData data, IReadOnlyList<ValidationError> errors) =>
        type.AllParts().Select(part => new FormPart(part.Name, part.DisplayName, part.Fields.Select(field =>
        {
            var name = $"{part.Name}.{field.Name}";
            var fieldErrors = errors.Where(e => e.Path == name || e.Path.StartsWith(name + ".", StringComparison.Ordinal) || e.Path.StartsWith(name + "[", StringComparison.Ordinal))
                .Select(e => e.Message).ToList();
            return new FormField(part.Name, field, (data.Root[part.Name] as JsonObject)?[field.Name], fieldErrors);
        }).ToList())).ToList();

    /// <summary>Reads the posted values; <paramref name="uploaded"/> holds files stored for Media fields, by field name.</summary>
    public static ContentData Read(ContentTypeDefinition type, IFormCollection form, IReadOnlyDictionary<string, List<JsonObject>> uploaded)
    {
        var root = new JsonObject();
        foreach (var part in type.AllParts())
        {
            var partObject = new JsonObject();
            foreach (var field in part.Fields)
            {
                var name = $"{part.Name}.{field.Name}";
                var value = ReadField(field, name, form, uploaded.GetValueOrDefault(name));
                if (value is not null)
                {
                    partObject[field.Name] = value;
                }
            }

            if (partObject.Count > 0)
            {
                root[part.Name] = partObject;
            }
        }

        return new ContentData(root);
    }

    private static JsonNode? ReadField(ContentFieldDefinition field, string name, IFormCollection form, List<JsonObject>? uploads)
    {
        var raw = form[name].ToString().Trim();
        switch (field.Type)
        {
            case FieldType.Number:
                if (raw.Length == 0)
                {
                    return null;
                }

                return decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(raw);
            case FieldType.Boolean:
                return raw switch { "true" => JsonValue.Create(true), "false" => JsonValue.Create(false), "" => null, _ => JsonValue.Create(raw) };
            case FieldType.Choice when field.Multiple:
                var chosen = form[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)JsonValue.Create(v!.Trim())).ToArray();
                return chosen.Length == 0 ? null : new JsonArray(chosen);
            case FieldType.ContentPicker:
                var ids = raw.Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(id => (JsonNode?)JsonValue.Create(id)).ToArray();
                return ids.Length == 0 ? null : new JsonArray(ids);
            case FieldType.Link:
                var url = form[name + ".url"].ToString().Trim();
                var text = form[name + ".text"].ToString().Trim();
                return url.Length == 0 && text.Length == 0 ? null : new JsonObject { ["url"] = url, ["text"] = text };
            case FieldType.Table:
                var rows = form[name].ToString().Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Where(line => line.Trim().Length > 0)
                    .Select(line => (JsonNode?)new JsonArray(line.Split('|').Select(c => (JsonNode?)JsonValue.Create(c.Trim())).ToArray()))
                    .ToArray();
                return rows.Length == 0 ? null : new JsonObject { ["rows"] = new JsonArray(rows) };
            case FieldType.Media:
                var kept = form[name + ".keep"].Select(v => v!).ToHashSet();
                var items = form[name + ".items"]
                    .Select(json => JsonNode.Parse(json!) as JsonObject)
                    .Where(o => o?["path"]?.GetValue<string>() is { } path && kept.Contains(path))
                    .Select(o => (JsonNode?)o)
                    .Concat((uploads ?? []).Select(o => (JsonNode?)o))
                    .ToArray();
                if (items.Length == 0)
                {
                    return null;
                }

                return field.Multiple ? new JsonArray(items) : items[0];
            default:
                return raw.Length == 0 ? null : JsonValue.Create(form[name].ToString());
        }
    }

    /// <summary>Fields of the metadata part that pick from the site's lists rather than take free text.</summary>
    public static IReadOnlyList<(string Value, string Label)>? ListFor(FormField field, FormChoices choices) =>
        field.Part != DisclosureMetadataPart.PartName ? null : field.Definition.Name switch
        {
            DisclosureMetadataPart.Catalogue => choices.Catalogue,
            DisclosureMetadataPart.Agency => choices.Agencies,
            DisclosureMetadataPart.Topic => choices.Topics.Select(t => (t, t)).ToList(),
            _ => null,
        };
}
