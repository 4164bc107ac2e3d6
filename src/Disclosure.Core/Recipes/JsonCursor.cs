using System.Globalization;
using System.Text.Json;

namespace Disclosure.Core.Recipes;

/// <summary>
/// Reads a JSON element while remembering where it is (<c>$.steps[3].contentTypes[0]</c>), so every problem is
/// reported with its file and path. Errors are collected, not thrown, so one run reports all of them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "String, Number, Array and Object name the JSON value kinds a recipe step asks for.")]
public readonly struct JsonCursor(JsonElement element, string path, string file, List<RecipeError> errors)
{
    public JsonElement Element { get; } = element;
    public string Path { get; } = path;

    /// <summary>How many errors have been collected so far (by this cursor or any other on the same list).</summary>
    public int ErrorCount => errors.Count;

    public void Error(string message) => errors.Add(new RecipeError(file, Path, message));

    public bool IsObject => Element.ValueKind == JsonValueKind.Object;

    public JsonCursor? Property(string name)
    {
        if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return new JsonCursor(value, $"{Path}.{name}", file, errors);
        }

        return null;
    }

    public string? String(string name, bool required = false)
    {
        var property = Property(name);
        if (property is null)
        {
            if (required)
            {
                errors.Add(new RecipeError(file, $"{Path}.{name}", "缺少必填项。"));
            }

            return null;
        }

        if (property.Value.Element.ValueKind != JsonValueKind.String)
        {
            property.Value.Error($"应为字符串，实际是 {Describe(property.Value.Element)}。");
            return null;
        }

        var text = property.Value.Element.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            property.Value.Error("不能为空。");
            return null;
        }

        return text;
    }

    public bool Boolean(string name)
    {
        var property = Property(name);
        if (property is null)
        {
            return false;
        }

        if (property.Value.Element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return property.Value.Element.GetBoolean();
        }

        property.Value.Error($"应为 true 或 false，实际是 {Describe(property.Value.Element)}。");
        return false;
    }

    public decimal? Number(string name)
    {
        var property = Property(name);
        if (property is null)
        {
            return null;
        }

        if (property.Value.Element.ValueKind == JsonValueKind.Number && property.Value.Element.TryGetDecimal(out var number))
        {
            return number;
        }

        property.Value.Error($"应为数字，实际是 {Describe(property.Value.Element)}。");
        return null;
    }

    public IEnumerable<JsonCursor> Array(string name, bool required = false)
    {
        var property = Property(name);
        if (property is null)
        {
            if (required)
            {
                errors.Add(new RecipeError(file, $"{Path}.{name}", "缺少必填项（应为数组）。"));
            }

            return [];
        }

        if (property.Value.Element.ValueKind != JsonValueKind.Array)
        {
            property.Value.Error($"应为数组，实际是 {Describe(property.Value.Element)}。");
            return [];
        }

        var parent = property.Value;
        var (sourceFile, sink) = (file, errors);
        return parent.Element.EnumerateArray()
            .Select((item, i) => new JsonCursor(item, $"{parent.Path}[{i}]", sourceFile, sink))
            .ToList();
    }

    public IReadOnlyList<string> StringArray(string name)
    {
        var result = new List<string>();
        foreach (var item in Array(name))
        {
            if (item.Element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.Element.GetString()))
            {
                result.Add(item.Element.GetString()!);
            }
            else
            {
                item.Error($"应为非空字符串，实际是 {Describe(item.Element)}。");
            }
        }

        return result;
    }

    public bool RequireObject()
    {
        if (IsObject)
        {
            return true;
        }

        Error($"应为对象，实际是 {Describe(Element)}。");
        return false;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "对象",
        JsonValueKind.Array => "数组",
        JsonValueKind.String => $"字符串“{Truncate(element.GetString()!)}”",
        JsonValueKind.Number => $"数字 {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Truncate(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
