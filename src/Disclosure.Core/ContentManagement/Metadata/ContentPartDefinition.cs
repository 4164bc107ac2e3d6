namespace Disclosure.Core.ContentManagement.Metadata;

/// <summary>A named group of fields. A content item's data holds one JSON object per part.</summary>
public sealed record ContentPartDefinition(string Name, string DisplayName, IReadOnlyList<ContentFieldDefinition> Fields)
{
    public ContentFieldDefinition? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
