using System.Diagnostics.CodeAnalysis;
using Disclosure.Core.Disclosure;

namespace Disclosure.Core.ContentManagement.Metadata;

/// <summary>Parts defined in code rather than in recipes, because code relies on their field names.</summary>
public static class BuiltInParts
{
    public const string TitlePart = "TitlePart";
    public const string BodyPart = "BodyPart";

    public const string TitleField = "Title";
    public const string BodyField = "Markdown";

    public static readonly ContentPartDefinition Title = new(TitlePart, "标题",
    [
        new ContentFieldDefinition { Name = TitleField, DisplayName = "标题", Type = FieldType.Text, Required = true, MaxLength = 200 },
    ]);

    public static readonly ContentPartDefinition Body = new(BodyPart, "正文",
    [
        new ContentFieldDefinition { Name = BodyField, DisplayName = "正文", Type = FieldType.Markdown, MaxLength = 500_000 },
    ]);

    private static readonly Dictionary<string, ContentPartDefinition> All = new()
    {
        [TitlePart] = Title,
        [BodyPart] = Body,
        [DisclosureMetadataPart.PartName] = DisclosureMetadataPart.Definition,
    };

    public static IReadOnlyCollection<string> Names => All.Keys;

    public static bool TryGet(string name, [NotNullWhen(true)] out ContentPartDefinition? definition) =>
        All.TryGetValue(name, out definition);
}
