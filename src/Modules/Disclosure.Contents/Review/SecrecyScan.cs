using System.Text.Json.Nodes;
using Disclosure.Contents.Review.Models;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Secrecy;
using Disclosure.Storage.Entities;

namespace Disclosure.Contents.Review;

/// <summary>
/// Runs the secrecy scanner over everything a version would publish: the title, every text, Markdown and HTML
/// field, table cells, link texts, and the text of every attachment — or, for an attachment whose text can't be
/// read, a 未能扫描 finding that the 保密审查员 must resolve like any other.
/// </summary>
internal sealed class SecrecyScan(SecrecyScanner scanner, IAttachmentTextSource attachments)
{
    /// <summary>The <see cref="SecrecyFindingRecord.FieldPath"/> prefix of a finding in an attachment.</summary>
    public const string AttachmentPrefix = "Attachment:";

    public async Task<List<SecrecyFindingRecord>> RunAsync(ContentTypeDefinition type, ContentData data, CancellationToken cancellationToken)
    {
        var findings = new List<SecrecyFindingRecord>();
        foreach (var part in type.AllParts())
        {
            if (data.Root[part.Name] is not JsonObject partObject)
            {
                continue;
            }

            foreach (var field in part.Fields)
            {
                var path = $"{part.Name}.{field.Name}";
                var location = field.DisplayName;
                switch (field.Type)
                {
                    case FieldType.Text or FieldType.Markdown or FieldType.Html when Text(partObject[field.Name]) is { } text:
                        Add(findings, text, path, location);
                        break;
                    case FieldType.Table when (partObject[field.Name]?["rows"]) is JsonArray rows:
                        for (var r = 0; r < rows.Count; r++)
                        {
                            for (var c = 0; rows[r] is JsonArray cells && c < cells.Count; c++)
                            {
                                if (Text(cells[c]) is { } cell)
                                {
                                    Add(findings, cell, $"{path}.rows[{r}][{c}]", $"{location}第 {r + 1} 行第 {c + 1} 列");
                                }
                            }
                        }

                        break;
                    case FieldType.Link when Text(partObject[field.Name]?["text"]) is { } linkText:
                        Add(findings, linkText, $"{path}.text", location);
                        break;
                    case FieldType.Media:
                        foreach (var media in MediaItems(partObject[field.Name]))
                        {
                            if (Text(media["path"]) is not { } mediaPath)
                            {
                                continue;
                            }

                            var name = Text(media["name"]) ?? mediaPath;
                            var reading = await attachments.ReadAsync(mediaPath, cancellationToken);
                            if (reading.Text is { } content)
                            {
                                Add(findings, content, AttachmentPrefix + mediaPath, $"附件：{name}");
                            }
                            else
                            {
                                findings.Add(NotScanned(mediaPath, name, reading.NotScannedReason!));
                            }
                        }

                        break;
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// 未能扫描: an attachment the scan could not read is a finding of its own, so it is never mistaken for a clean
    /// one. It cannot be masked (its path is an attachment's); the 保密审查员 confirms it with a reason after checking
    /// the file by eye, or returns the item for another file.
    /// </summary>
    private static SecrecyFindingRecord NotScanned(string path, string name, string reason) => new()
    {
        Kind = nameof(FindingKind.Unscannable),
        FieldPath = AttachmentPrefix + path,
        Location = $"附件：{name}",
        Index = 0,
        Length = 0,
        Match = name,
        ProposedMask = string.Empty,
        Description = $"未能扫描：{reason}，请人工核对",
    };

    private void Add(List<SecrecyFindingRecord> findings, string text, string path, string location)
    {
        foreach (var finding in scanner.Scan(text, location))
        {
            findings.Add(new SecrecyFindingRecord
            {
                Kind = finding.Kind.ToString(),
                FieldPath = path,
                Location = location,
                Index = finding.Index,
                Length = finding.Length,
                Match = finding.Match,
                ProposedMask = finding.ProposedMask,
                Description = finding.Description,
            });
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<JsonObject> MediaItems(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => [],
    };

    /// <summary>Applies the findings marked for masking to a copy of the data. Only text fields can be masked.</summary>
    public static ContentData ApplyMasks(ContentData data, IEnumerable<SecrecyFindingRecord> findings)
    {
        var masked = data.Clone();
        foreach (var group in findings.GroupBy(f => f.FieldPath))
        {
            var (parent, key) = Locate(masked.Root, group.Key);
            if (parent is null || Text(Get(parent, key)) is not { } text)
            {
                continue;
            }

            var replaced = SecrecyMasking.Apply(text, group.Select(f => new SecrecyFinding(
                Enum.Parse<FindingKind>(f.Kind), f.Location, f.Index, f.Length, f.Match, f.ProposedMask, f.Description)));
            Set(parent, key, replaced);
        }

        return masked;
    }

    /// <summary>Finds the container and key of a path like <c>Part.Field</c>, <c>Part.Field.text</c> or <c>Part.Field.rows[1][0]</c>.</summary>
    private static (JsonNode? Parent, object Key) Locate(JsonObject root, string path)
    {
        var segments = path.Split('.');
        JsonNode? node = root[segments[0]];
        if (segments.Length == 2)
        {
            return (node, segments[1]);
        }

        node = node?[segments[1]];
        var last = segments[2];
        if (last.StartsWith("rows[", StringComparison.Ordinal))
        {
            var indexes = last[5..^1].Split("][").Select(int.Parse).ToArray();
            return (node?["rows"]?[indexes[0]], indexes[1]);
        }

        return (node, last);
    }

    private static JsonNode? Get(JsonNode parent, object key) => key is int i ? parent[i] : parent[(string)key];

    private static void Set(JsonNode parent, object key, string value)
    {
        if (key is int i)
        {
            parent[i] = value;
        }
        else
        {
            parent[(string)key] = value;
        }
    }
}
