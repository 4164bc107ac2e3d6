namespace Disclosure.Core.ContentManagement.Metadata;

/// <summary>
/// A content type as declared in a recipe: the built-in parts it is made of plus its own fields, which live
/// in a part named after the type (as in Orchard Core).
/// </summary>
public sealed record ContentTypeDefinition
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>Built-in part names, see <see cref="BuiltInParts"/>.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];

    /// <summary>The type's own fields (stored under the part named <see cref="Name"/>).</summary>
    public IReadOnlyList<ContentFieldDefinition> Fields { get; init; } = [];

    /// <summary>The 目录 class proposed for new items of this type.</summary>
    public string? DefaultCatalogue { get; init; }

    /// <summary>The review chain versions of this type pass before publication (a chain name from the recipe).</summary>
    public string? ReviewChain { get; init; }

    /// <summary>
    /// The channels (发布渠道, see <see cref="Channels.ChannelNames"/>) a publication of this type is pushed to
    /// through the outbox; empty means none.
    /// </summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    public bool HasPart(string partName) => Parts.Contains(partName);

    /// <summary>Every part an item of this type carries, built-in parts first, then the type's own part.</summary>
    public IEnumerable<ContentPartDefinition> AllParts()
    {
        foreach (var part in Parts)
        {
            if (BuiltInParts.TryGet(part, out var definition))
            {
                yield return definition;
            }
        }

        if (Fields.Count > 0)
        {
            yield return new ContentPartDefinition(Name, DisplayName, Fields);
        }
    }
}
