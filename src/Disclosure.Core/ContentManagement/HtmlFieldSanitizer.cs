using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement.Metadata;

namespace Disclosure.Core.ContentManagement;

/// <summary>Cleans every Html field before it is stored, so no script or event handler ever reaches a page.</summary>
public static class HtmlFieldSanitizer
{
    private static readonly Ganss.Xss.HtmlSanitizer Sanitizer = PublicHtml.NewSanitizer();

    public static void Sanitize(ContentTypeDefinition type, ContentData data)
    {
        foreach (var part in type.AllParts())
        {
            if (data.Root[part.Name] is not JsonObject partObject)
            {
                continue;
            }

            foreach (var field in part.Fields.Where(f => f.Type == FieldType.Html))
            {
                if (partObject[field.Name] is JsonValue value && value.TryGetValue<string>(out var html))
                {
                    partObject[field.Name] = Sanitizer.Sanitize(html);
                }
            }
        }
    }
}
