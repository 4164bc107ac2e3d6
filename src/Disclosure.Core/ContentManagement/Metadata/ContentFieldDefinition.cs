namespace Disclosure.Core.ContentManagement.Metadata;

/// <summary>One typed field of a content part, as declared in a recipe.</summary>
public sealed record ContentFieldDefinition
{
    public required string Name { get; init; }

    /// <summary>The zh-CN label shown to editors and used in validation messages.</summary>
    public required string DisplayName { get; init; }

    public required FieldType Type { get; init; }

    public bool Required { get; init; }

    /// <summary>For Choice, Media and ContentPicker: whether the value is a list.</summary>
    public bool Multiple { get; init; }

    /// <summary>For Text and Markdown: the longest value accepted, in characters.</summary>
    public int? MaxLength { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>For Number: decimal places allowed (0 = integers only).</summary>
    public int Scale { get; init; }

    /// <summary>For Choice: the allowed values.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>For ContentPicker: the content types that may be picked (empty = any).</summary>
    public IReadOnlyList<string> ContentTypes { get; init; } = [];

    /// <summary>For Table: the column headings.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    public string? Hint { get; init; }
}
