namespace Disclosure.Credit.Models;

public enum CreditFieldType
{
    Text,
    Date,
    /// <summary>万元, at most six decimals.</summary>
    Amount,
    Choice,
    /// <summary>Several options in one cell, separated by 、 or ；.</summary>
    MultiChoice,
    /// <summary>是 / 否 (blank is 否).</summary>
    YesNo,
}

/// <summary>
/// One column of a 双公示 record: its key (form names, API properties), its label (import and export headers,
/// public pages — character for character as the national standard writes it) and its rules.
/// <see cref="Public"/> is false for what the office keeps to itself (the flags and 失信严重程度).
/// <see cref="HeaderAliases"/> are other headers an import file may give the column (the national templates' own).
/// </summary>
public sealed record CreditField(
    string Key,
    string Label,
    CreditFieldType Type = CreditFieldType.Text,
    int MaxLength = 0,
    bool Required = false,
    bool Public = true,
    IReadOnlyList<string>? Options = null,
    string? Hint = null,
    IReadOnlyList<string>? HeaderAliases = null);

/// <summary>The columns of one kind of record, in the order of the national standard (then the internal ones).</summary>
public sealed class CreditFieldSet
{
    private readonly Dictionary<string, int> _byKey;
    private readonly Dictionary<string, int> _byLabel;

    public CreditFieldSet(CreditRecordKind kind, IReadOnlyList<CreditField> fields)
    {
        Kind = kind;
        Fields = fields;
        _byKey = fields.Select((f, i) => (f.Key, i)).ToDictionary(x => x.Key, x => x.i);
        _byLabel = fields
            .SelectMany((f, i) => (f.HeaderAliases ?? []).Prepend(f.Label).Select(label => (Label: HeaderKey(label), i)))
            .ToDictionary(x => x.Label, x => x.i);
    }

    public CreditRecordKind Kind { get; }

    public IReadOnlyList<CreditField> Fields { get; }

    public int Count => Fields.Count;

    public CreditField this[string key] => Fields[IndexOf(key)];

    public int IndexOf(string key) => _byKey.TryGetValue(key, out var index) ? index : throw new KeyNotFoundException($"No field {key} in the {Kind} set.");

    /// <summary>
    /// The column a header cell names, by its label or one of its aliases, forgiving half-width brackets and spaces:
    /// 罚款金额(万元) is 罚款金额（万元）.
    /// </summary>
    public int? FindByHeader(string header) => _byLabel.TryGetValue(HeaderKey(header), out var index) ? index : null;

    public IReadOnlyList<string> Labels => Fields.Select(f => f.Label).ToList();

    private static string HeaderKey(string label) =>
        string.Concat(label.Where(c => !char.IsWhiteSpace(c))).Replace('(', '（').Replace(')', '）');
}

/// <summary>A record's values as text, one per field of a set: a row of an import file or the fields of the admin form.</summary>
public sealed class CreditRowValues(CreditFieldSet set, IReadOnlyList<string?> values)
{
    public CreditFieldSet Set { get; } = set;

    public string? this[string key]
    {
        get
        {
            var index = Set.IndexOf(key);
            return index < values.Count ? values[index] : null;
        }
    }

    public IReadOnlyList<string?> Values => values;
}
