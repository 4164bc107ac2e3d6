using System.Globalization;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Time;

namespace Disclosure.Core.Tables;

/// <summary>How a cell of a content-type table maps to the item's data.</summary>
public enum ContentColumnRole
{
    Value,
    /// <summary>A Link field's address.</summary>
    LinkUrl,
    /// <summary>A Link field's text.</summary>
    LinkText,
}

public sealed record ContentColumn(string Label, string Part, ContentFieldDefinition Field, ContentColumnRole Role = ContentColumnRole.Value);

/// <summary>
/// A content type as a flat table, one row an item: the title, the 目录 metadata, the body and the type's own fields,
/// headed by their zh-CN labels, so an office can keep a list (the 权力清单 of 办事指南, say) in Excel. Values are
/// written as an office types them — 是/否, YYYY-MM-DD, several choices joined by 、, table rows one a line with
/// cells split by “|” — and attachments (Media fields) are left out: they are uploaded in the admin.
/// </summary>
public sealed class ContentTableMapping
{
    private const string ListSeparator = "、";
    private static readonly char[] ListSeparators = ['、', '，', ',', '；', ';'];

    private ContentTableMapping(ContentTypeDefinition type, IReadOnlyList<ContentColumn> columns)
    {
        Type = type;
        Columns = columns;
    }

    public ContentTypeDefinition Type { get; }

    public IReadOnlyList<ContentColumn> Columns { get; }

    public IReadOnlyList<string> Labels => Columns.Select(c => c.Label).ToList();

    /// <param name="titleLabel">What the title is called in this list (事项名称 for the power list).</param>
    public static ContentTableMapping For(ContentTypeDefinition type, string? titleLabel = null)
    {
        var columns = new List<ContentColumn>();
        foreach (var part in type.AllParts())
        {
            foreach (var field in part.Fields.Where(f => f.Type != FieldType.Media))
            {
                var label = part.Name == BuiltInParts.TitlePart && titleLabel is not null ? titleLabel : field.DisplayName;
                if (columns.Any(c => c.Label == label))
                {
                    label = $"{part.DisplayName}·{label}";
                }

                if (field.Type == FieldType.Link)
                {
                    columns.Add(new ContentColumn($"{label}（地址）", part.Name, field, ContentColumnRole.LinkUrl));
                    columns.Add(new ContentColumn($"{label}（文字）", part.Name, field, ContentColumnRole.LinkText));
                }
                else
                {
                    columns.Add(new ContentColumn(label, part.Name, field));
                }
            }
        }

        return new ContentTableMapping(type, columns);
    }

    public int? FindByHeader(string header)
    {
        var key = header.Trim().Replace('(', '（').Replace(')', '）');
        var index = Columns.ToList().FindIndex(c => c.Label == key);
        return index < 0 ? null : index;
    }

    /// <summary>
    /// The item data a row describes. Cells that cannot be read at all (a date that is no date, 是/否 that is neither)
    /// are reported against their column; everything else is left to <see cref="ContentManagement.Validation.ContentValidator"/>.
    /// </summary>
    public ContentData ToData(IReadOnlyList<string?> cells, List<(string Column, string Message)> problems, Func<string, string?>? catalogueByName = null, Func<string, string?>? agencyByName = null)
    {
        var root = new JsonObject();
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            var text = i < cells.Count ? cells[i]?.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (column.Part == DisclosureMetadataPart.PartName)
            {
                text = column.Field.Name switch
                {
                    DisclosureMetadataPart.Catalogue => catalogueByName?.Invoke(text) ?? text,
                    DisclosureMetadataPart.Agency => agencyByName?.Invoke(text) ?? text,
                    _ => text,
                };
            }

            var part = root[column.Part] as JsonObject ?? (JsonObject)(root[column.Part] = new JsonObject());
            if (column.Role != ContentColumnRole.Value)
            {
                var link = part[column.Field.Name] as JsonObject ?? (JsonObject)(part[column.Field.Name] = new JsonObject());
                link[column.Role == ContentColumnRole.LinkUrl ? "url" : "text"] = text;
                continue;
            }

            if (Parse(column, text, problems) is { } node)
            {
                part[column.Field.Name] = node;
            }
        }

        return new ContentData(root);
    }

    /// <summary>The row of an item, in column order: what <see cref="ToData"/> reads back to the same data.</summary>
    public string?[] ToRow(ContentData data)
    {
        var row = new string?[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            var value = data.Get(column.Part, column.Field.Name);
            row[i] = column.Role switch
            {
                ContentColumnRole.LinkUrl => (value as JsonObject)?["url"]?.GetValue<string>(),
                ContentColumnRole.LinkText => (value as JsonObject)?["text"]?.GetValue<string>(),
                // Trimmed as the import trims, so an export imports to data that exports the same again.
                _ => value is null ? null : Format(column.Field, value).Trim(),
            };
        }

        return row;
    }

    private static JsonNode? Parse(ContentColumn column, string text, List<(string Column, string Message)> problems)
    {
        var field = column.Field;
        switch (field.Type)
        {
            case FieldType.Number:
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }

                problems.Add((column.Label, $"「{column.Label}」“{text}”不是数字。"));
                return null;
            case FieldType.Boolean:
                switch (text)
                {
                    case "是":
                        return JsonValue.Create(true);
                    case "否":
                        return JsonValue.Create(false);
                    default:
                        problems.Add((column.Label, $"「{column.Label}」应填“是”或“否”，实为“{text}”。"));
                        return null;
                }

            case FieldType.Date:
                if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return JsonValue.Create(DateText.Date(date));
                }

                problems.Add((column.Label, $"「{column.Label}」“{text}”不是有效日期，请写作 YYYY-MM-DD。"));
                return null;
            case FieldType.Choice when field.Multiple:
            case FieldType.ContentPicker when field.Multiple:
                return new JsonArray(text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            case FieldType.Table:
                return new JsonObject
                {
                    ["rows"] = new JsonArray(text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0)
                        .Select(l => (JsonNode?)new JsonArray(l.Split('|').Select(c => (JsonNode?)JsonValue.Create(c.Trim())).ToArray())).ToArray()),
                };
            default:
                return JsonValue.Create(text);
        }
    }

    private static string Format(ContentFieldDefinition field, JsonNode value) => field.Type switch
    {
        FieldType.Boolean => value.GetValue<bool>() ? "是" : "否",
        FieldType.Number => value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        FieldType.Table => string.Join("\n", ((value as JsonObject)?["rows"] as JsonArray ?? []).Select(r => string.Join(" | ", (r as JsonArray ?? []).Select(c => c?.ToString())))),
        _ when value is JsonArray list => string.Join(ListSeparator, list.Select(v => v?.ToString())),
        _ => value.ToString(),
    };
}
