using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement.Metadata;

namespace Disclosure.Core.ContentManagement.Validation;

/// <summary>Checks one field value against its definition. Messages are zh-CN and name the field by its label.</summary>
internal static class FieldValueValidator
{
    public static void Validate(ContentFieldDefinition field, JsonNode? value, string path, ContentValidationContext context, List<ValidationError> errors)
    {
        var label = $"「{field.DisplayName}」";
        if (IsEmpty(value))
        {
            if (field.Required)
            {
                errors.Add(new(path, $"{label}为必填项。"));
            }

            return;
        }

        switch (field.Type)
        {
            case FieldType.Text:
            case FieldType.Markdown:
            case FieldType.Html:
                if (!TryString(value, out var text))
                {
                    errors.Add(new(path, $"{label}应为文本。"));
                }
                else if (field.MaxLength is { } max && text.Length > max)
                {
                    errors.Add(new(path, $"{label}不能超过 {max} 个字符（当前 {text.Length} 个）。"));
                }

                break;

            case FieldType.Date:
                if (!TryString(value, out var dateText) || !TryParseDate(dateText, out _))
                {
                    errors.Add(new(path, $"{label}不是有效日期，应为 YYYY-MM-DD 格式，例如 2017-03-29。"));
                }

                break;

            case FieldType.Number:
                ValidateNumber(field, value!, path, label, errors);
                break;

            case FieldType.Boolean:
                if (value is not JsonValue b || b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(new(path, $"{label}应为“是”或“否”（true / false）。"));
                }

                break;

            case FieldType.Choice:
                foreach (var (item, itemPath) in Items(field, value!, path, label, errors))
                {
                    if (!TryString(item, out var choice))
                    {
                        errors.Add(new(itemPath, $"{label}应为文本选项。"));
                    }
                    else if (!field.Options.Contains(choice))
                    {
                        errors.Add(new(itemPath, $"{label}的值“{choice}”不在可选项中（可选：{string.Join("、", field.Options)}）。"));
                    }
                }

                break;

            case FieldType.Link:
                ValidateLink(value!, path, label, errors);
                break;

            case FieldType.Media:
                foreach (var (item, itemPath) in Items(field, value!, path, label, errors))
                {
                    if (item is not JsonObject media || !TryString(media["path"], out var mediaPath) || string.IsNullOrWhiteSpace(mediaPath))
                    {
                        errors.Add(new(itemPath, $"{label}的每个附件应包含文件路径（path）。"));
                    }
                }

                break;

            case FieldType.ContentPicker:
                var pickerItems = value is JsonArray ? Items(field, value!, path, label, errors) : [(value, path)];
                if (!field.Multiple && value is JsonArray { Count: > 1 })
                {
                    errors.Add(new(path, $"{label}只能选择一项。"));
                }

                foreach (var (item, itemPath) in pickerItems)
                {
                    if (!TryString(item, out var id))
                    {
                        errors.Add(new(itemPath, $"{label}应为内容编号。"));
                        continue;
                    }

                    var type = context.FindContentType(id);
                    if (type is null)
                    {
                        errors.Add(new(itemPath, $"{label}引用的内容“{id}”不存在。"));
                    }
                    else if (field.ContentTypes.Count > 0 && !field.ContentTypes.Contains(type))
                    {
                        errors.Add(new(itemPath, $"{label}不能引用“{id}”：只能选择{string.Join("、", field.ContentTypes)}类型的内容。"));
                    }
                }

                break;

            case FieldType.Table:
                ValidateTable(field, value!, path, label, errors);
                break;
        }
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => true,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s),
        JsonArray { Count: 0 } => true,
        _ => false,
    };

    private static bool TryString(JsonNode? node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = string.Empty;
        return false;
    }

    /// <summary>The values of a list field, or the single value of a single one; a list where one was expected is an error.</summary>
    private static List<(JsonNode? Item, string Path)> Items(ContentFieldDefinition field, JsonNode value, string path, string label, List<ValidationError> errors)
    {
        if (value is JsonArray array)
        {
            if (!field.Multiple && array.Count > 1)
            {
                errors.Add(new(path, $"{label}只能选择一项。"));
                return [];
            }

            return array.Select((item, i) => (item, $"{path}[{i}]")).ToList();
        }

        return [(value, path)];
    }

    private static void ValidateNumber(ContentFieldDefinition field, JsonNode value, string path, string label, List<ValidationError> errors)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !TryDecimal(v, out var number))
        {
            errors.Add(new(path, $"{label}应为数字。"));
            return;
        }

        if (field.Min is { } min && number < min)
        {
            errors.Add(new(path, $"{label}不能小于 {min}。"));
        }

        if (field.Max is { } max && number > max)
        {
            errors.Add(new(path, $"{label}不能大于 {max}。"));
        }

        if (decimal.Round(number, field.Scale) != number)
        {
            errors.Add(new(path, field.Scale == 0 ? $"{label}应为整数。" : $"{label}最多保留 {field.Scale} 位小数。"));
        }
    }

    /// <summary>A JSON number as decimal, whether it was parsed from text or built from an int or double in code.</summary>
    private static bool TryDecimal(JsonValue value, out decimal number) =>
        value.TryGetValue(out number)
        || decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    private static void ValidateLink(JsonNode value, string path, string label, List<ValidationError> errors)
    {
        if (value is not JsonObject link || !TryString(link["url"], out var url))
        {
            errors.Add(new(path, $"{label}应包含链接地址（url）。"));
            return;
        }

        var isSiteRelative = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);
        var isWeb = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (!isSiteRelative && !isWeb)
        {
            errors.Add(new(path + ".url", $"{label}的链接地址“{url}”无效，应以 http:// 或 https:// 开头，或为以 / 开头的站内路径。"));
        }

        if (link["text"] is { } textNode && !TryString(textNode, out _))
        {
            errors.Add(new(path + ".text", $"{label}的链接文字应为文本。"));
        }
    }

    private static void ValidateTable(ContentFieldDefinition field, JsonNode value, string path, string label, List<ValidationError> errors)
    {
        if (value is not JsonObject table || table["rows"] is not JsonArray rows)
        {
            errors.Add(new(path, $"{label}应包含表格行（rows）。"));
            return;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not JsonArray cells)
            {
                errors.Add(new($"{path}.rows[{r}]", $"{label}第 {r + 1} 行应为单元格列表。"));
                continue;
            }

            if (cells.Count != field.Columns.Count)
            {
                errors.Add(new($"{path}.rows[{r}]", $"{label}第 {r + 1} 行应有 {field.Columns.Count} 列（{string.Join("、", field.Columns)}），实际 {cells.Count} 列。"));
            }

            for (var c = 0; c < cells.Count; c++)
            {
                if (!IsEmpty(cells[c]) && !TryString(cells[c], out _))
                {
                    errors.Add(new($"{path}.rows[{r}][{c}]", $"{label}第 {r + 1} 行第 {c + 1} 列应为文本。"));
                }
            }
        }
    }
}
