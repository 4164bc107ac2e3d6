using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;

namespace Disclosure.Contents.Admin;

public enum DiffOperation
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffOperation Operation, string Text);

/// <summary>The lines of one field that differ between two versions, e.g. what 脱敏 changed in 「正文」.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// A readable line diff between two versions: each field becomes labelled lines ("「正文」…"), then the longest
/// common subsequence of lines decides what was removed and added.
/// </summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffLine> Compare(ContentTypeDefinition type, ContentData before, ContentData after) =>
        Lines(Flatten(type, before), Flatten(type, after));

    /// <summary>Field by field, only the fields that changed, each with its own line diff (original → changed).</summary>
    public static IReadOnlyList<FieldDiff> CompareFields(ContentTypeDefinition type, ContentData before, ContentData after)
    {
        var changed = new List<FieldDiff>();
        foreach (var part in type.AllParts())
        {
            foreach (var field in part.Fields)
            {
                var a = FieldLines(before, part.Name, field.Name);
                var b = FieldLines(after, part.Name, field.Name);
                if (!a.SequenceEqual(b))
                {
                    changed.Add(new FieldDiff(field.DisplayName, Lines(a, b)));
                }
            }
        }

        return changed;
    }

    private static List<DiffLine> Lines(List<string> a, List<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                result.Add(new(DiffOperation.Same, a[x++]));
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                result.Add(new(DiffOperation.Removed, a[x++]));
            }
            else
            {
                result.Add(new(DiffOperation.Added, b[y++]));
            }
        }

        result.AddRange(a.Skip(x).Select(l => new DiffLine(DiffOperation.Removed, l)));
        result.AddRange(b.Skip(y).Select(l => new DiffLine(DiffOperation.Added, l)));
        return result;
    }

    /// <summary>Every field as "「label」value" lines, multi-line texts split so a one-line edit shows as one line.</summary>
    public static List<string> Flatten(ContentTypeDefinition type, ContentData data)
    {
        var lines = new List<string>();
        foreach (var part in type.AllParts())
        {
            foreach (var field in part.Fields)
            {
                var split = FieldLines(data, part.Name, field.Name);
                if (split.Count == 0)
                {
                    continue;
                }

                lines.Add($"「{field.DisplayName}」{split[0]}");
                lines.AddRange(split.Skip(1).Select(l => "    " + l));
            }
        }

        return lines;
    }

    /// <summary>One field's value as lines; none when the field is absent.</summary>
    private static List<string> FieldLines(ContentData data, string partName, string fieldName)
    {
        var value = (data.Root[partName] as JsonObject)?[fieldName];
        if (value is null)
        {
            return [];
        }

        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        return [.. text.Replace("\r\n", "\n").Split('\n')];
    }
}
