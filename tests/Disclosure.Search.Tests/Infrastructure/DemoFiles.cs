using System.Globalization;
using System.Text.Json;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Search.Tests.Infrastructure;

/// <summary>
/// The demo content files read directly, independently of the application, to check search results against:
/// which items are public, their facets, and their raw text. The text includes the names of the item's 发布机构 and
/// 目录分类 from recipes/setup.json and demo.json, which search finds too.
/// </summary>
public sealed record DemoFile(string Id, string Type, string Title, string? Catalogue, string? Agency, string? DocumentNumber, DateTimeOffset? PublishedAt, bool Withdrawn, string Text)
{
    public bool IsPublic => PublishedAt is not null && !Withdrawn;

    public int? Year => PublishedAt?.ToOffset(TimeSpan.FromHours(8)).Year;

    public static IReadOnlyList<DemoFile> All { get; } = Load();

    public static IReadOnlyList<DemoFile> Public => All.Where(i => i.IsPublic).ToList();

    private static List<DemoFile> Load() =>
        Directory.EnumerateFiles(RepositoryPaths.Content, "*.json", SearchOption.AllDirectories).Select(file =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            var data = root.GetProperty("data");
            var meta = data.GetProperty("DisclosureMetadataPart");
            string? Meta(string name) => meta.TryGetProperty(name, out var v) ? v.GetString() : null;
            return new DemoFile(
                root.GetProperty("id").GetString()!,
                root.GetProperty("type").GetString()!,
                data.GetProperty("TitlePart").GetProperty("Title").GetString()!,
                Meta("Catalogue"),
                Meta("Agency"),
                Meta("DocumentNumber"),
                root.TryGetProperty("publishedAt", out var p) ? DateTimeOffset.Parse(p.GetString()!, CultureInfo.InvariantCulture) : null,
                root.TryGetProperty("withdrawn", out _),
                string.Join('\n', Strings(data).Append(Names.GetValueOrDefault(Meta("Agency") ?? "")).Append(Names.GetValueOrDefault(Meta("Catalogue") ?? ""))));
        }).ToList();

    /// <summary>Agency and catalogue names by code, from the setup recipe (catalogue) and the demo recipe (agencies).</summary>
    private static Dictionary<string, string> Names
    {
        get
        {
            if (_names is not null)
            {
                return _names;
            }

            var names = new Dictionary<string, string>();
            foreach (var recipe in new[] { "setup.json", "demo.json" })
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Recipes, recipe)));
                foreach (var step in doc.RootElement.GetProperty("steps").EnumerateArray())
                {
                    var list = step.TryGetProperty("agencies", out var a) ? a : step.TryGetProperty("classes", out var c) ? c : default;
                    if (list.ValueKind == JsonValueKind.Array)
                    {
                        AddAll(list, names);
                    }
                }
            }

            return _names = names;

            static void AddAll(JsonElement list, Dictionary<string, string> into)
            {
                foreach (var entry in list.EnumerateArray())
                {
                    into[entry.GetProperty("code").GetString()!] = entry.GetProperty("name").GetString()!;
                    if (entry.TryGetProperty("children", out var children))
                    {
                        AddAll(children, into);
                    }
                }
            }
        }
    }

    private static Dictionary<string, string>? _names;

    /// <summary>Every string in the item's data, except the metadata values that are codes or the same on every item.</summary>
    private static IEnumerable<string> Strings(JsonElement element, string? property = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when property is not ("Catalogue" or "Agency" or "Attribute" or "Channels" or "WrittenDate" or "url" or "path"):
                yield return element.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var child in element.EnumerateObject())
                {
                    foreach (var text in Strings(child.Value, child.Name))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var child in element.EnumerateArray())
                {
                    foreach (var text in Strings(child, property))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }
}
