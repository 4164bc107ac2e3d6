using System.Globalization;
using System.Text.Json;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Web.Tests;

/// <summary>What the demo content files say, read independently of the application, to check the API against.</summary>
public sealed record DemoItem(string Id, string Type, string? Catalogue, string? Agency, DateTimeOffset? PublishedAt, bool Withdrawn)
{
    public bool IsPublic => PublishedAt is not null && !Withdrawn;

    public static IReadOnlyList<DemoItem> All { get; } = Load();

    private static List<DemoItem> Load() =>
        Directory.EnumerateFiles(RepositoryPaths.Content, "*.json", SearchOption.AllDirectories).Select(file =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            var meta = root.GetProperty("data").GetProperty("DisclosureMetadataPart");
            return new DemoItem(
                root.GetProperty("id").GetString()!,
                root.GetProperty("type").GetString()!,
                meta.TryGetProperty("Catalogue", out var c) ? c.GetString() : null,
                meta.TryGetProperty("Agency", out var a) ? a.GetString() : null,
                root.TryGetProperty("publishedAt", out var p) ? DateTimeOffset.Parse(p.GetString()!, CultureInfo.InvariantCulture) : null,
                root.TryGetProperty("withdrawn", out _));
        }).ToList();
}
