using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Disclosure;

namespace Disclosure.Core.ContentManagement.Validation;

/// <summary>Validates a content version's data against its type definition and the site's lists.</summary>
public static class ContentValidator
{
    public static IReadOnlyList<ValidationError> Validate(ContentTypeDefinition type, ContentData data, ContentValidationContext context)
    {
        var errors = new List<ValidationError>();
        var parts = type.AllParts().ToDictionary(p => p.Name);

        foreach (var (partName, partNode) in data.Root)
        {
            if (!parts.ContainsKey(partName))
            {
                errors.Add(new(partName, $"内容类型「{type.DisplayName}」没有名为“{partName}”的部件。"));
            }
            else if (partNode is not JsonObject)
            {
                errors.Add(new(partName, $"部件“{partName}”应为 JSON 对象。"));
            }
        }

        foreach (var part in parts.Values)
        {
            var partObject = data.Root[part.Name] as JsonObject;
            if (partObject is not null)
            {
                foreach (var (fieldName, _) in partObject)
                {
                    if (part.FindField(fieldName) is null)
                    {
                        errors.Add(new($"{part.Name}.{fieldName}", $"「{part.DisplayName}」没有名为“{fieldName}”的字段。"));
                    }
                }
            }

            foreach (var field in part.Fields)
            {
                FieldValueValidator.Validate(field, partObject?[field.Name], $"{part.Name}.{field.Name}", context, errors);
            }
        }

        if (type.HasPart(DisclosureMetadataPart.PartName))
        {
            ValidateDisclosureMetadata(data, context, errors);
        }

        return errors;
    }

    /// <summary>Rules of the metadata part that span fields or need the site's lists.</summary>
    private static void ValidateDisclosureMetadata(ContentData data, ContentValidationContext context, List<ValidationError> errors)
    {
        const string part = DisclosureMetadataPart.PartName;

        var catalogue = data.GetString(part, DisclosureMetadataPart.Catalogue);
        if (!string.IsNullOrWhiteSpace(catalogue) && !context.CatalogueCodes.Contains(catalogue))
        {
            errors.Add(new($"{part}.{DisclosureMetadataPart.Catalogue}", $"「目录分类」“{catalogue}”不存在于信息公开目录中。"));
        }

        var agency = data.GetString(part, DisclosureMetadataPart.Agency);
        if (!string.IsNullOrWhiteSpace(agency) && !context.AgencyCodes.Contains(agency))
        {
            errors.Add(new($"{part}.{DisclosureMetadataPart.Agency}", $"「发布机构」“{agency}”不是本站登记的机构。"));
        }

        var topic = data.GetString(part, DisclosureMetadataPart.Topic);
        if (!string.IsNullOrWhiteSpace(topic) && context.Topics.Count > 0 && !context.Topics.Contains(topic))
        {
            errors.Add(new($"{part}.{DisclosureMetadataPart.Topic}", $"「主题分类」“{topic}”不在主题分类表中。"));
        }

        var attribute = data.GetString(part, DisclosureMetadataPart.Attribute);
        var reason = data.GetString(part, DisclosureMetadataPart.NonDisclosureReason);
        if (attribute == DisclosureMetadataPart.Attributes.NotDisclosed && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new($"{part}.{DisclosureMetadataPart.NonDisclosureReason}", "公开属性为“不予公开”时，必须填写「不予公开理由」。"));
        }
    }
}
