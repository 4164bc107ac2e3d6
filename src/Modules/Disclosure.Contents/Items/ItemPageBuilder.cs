using System.Text.Json.Nodes;
using Disclosure.Contents.Catalogue;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Contents.Rendering;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Items;

/// <summary>
/// Builds the public page of one version. The public item page and the admin preview both call this, which is how
/// "preview exactly as the public will see it" stays true. What the page shows besides the version itself (catalogue,
/// agencies, interpretations, related items, the type's own blocks) is read through <see cref="PublicReadDatabase"/>:
/// from a standby that has replayed everything this node has seen (a preview on this node too shows what was just
/// published through it).
/// </summary>
public sealed class ItemPageBuilder(PublicReadDatabase reads, PublishedContentQuery publishedContent, ContentDefinitionStore definitions, IEnumerable<IItemPageExtension> extensions, TimeProvider clock)
{
    /// <summary>政策解读: the type whose pickers link an interpretation to the documents it explains (发布、解读、回应三联动).</summary>
    public const string InterpretationType = "PolicyInterpretation";

    public const string InterpretedDocumentsField = "InterpretedDocuments";

    private const int RelatedCount = 6;

    public async Task<ItemPage> BuildAsync(ContentItemRecord item, ContentVersionRecord version, string? previewNote, CancellationToken cancellationToken)
    {
        var types = await definitions.GetTypesAsync(cancellationToken);
        var type = types.GetValueOrDefault(item.ContentType);
        var tree = await reads.ReadAsync(db => CatalogueTree.LoadAsync(db, cancellationToken), cancellationToken);
        var agencies = await reads.ReadAsync(db => db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken), cancellationToken);
        var data = ContentData.Parse(version.DataJson);
        var id = item.ContentItemId;

        var agencyName = data.Agency is { } a ? agencies.GetValueOrDefault(a, a) : null;
        var published = version.PublishedUtc is { } p ? DateText.Date(ChinaTime.ToDate(p)) : previewNote is null ? null : "（发布时确定）";
        var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        var validity = DocumentValidity.Effective(
            data.GetString(DisclosureMetadataPart.PartName, DisclosureMetadataPart.Validity),
            data.GetDate(item.ContentType, "EffectiveDate"),
            data.GetDate(item.ContentType, "ExpiryDate"),
            today);
        var metadata = new List<MetadataRow>
        {
            new("索引号", item.IndexNumber ?? (previewNote is null ? string.Empty : "（发布时分配）")),
            new("主题分类", data.GetString(DisclosureMetadataPart.PartName, DisclosureMetadataPart.Topic) ?? string.Empty),
            new("发布机构", agencyName ?? string.Empty),
            new("成文日期", data.GetDate(DisclosureMetadataPart.PartName, DisclosureMetadataPart.WrittenDate) is { } w ? DateText.Date(w) : string.Empty),
            new("文号", data.DocumentNumber ?? string.Empty),
            new("发布日期", published ?? string.Empty),
            new("有效性", validity ?? string.Empty),
        };

        var cataloguePath = data.Catalogue is { } code ? tree.PathTo(code).Select(n => (n.Code, n.Name)).ToList() : [];

        if (version.Status == ContentStatus.Withdrawn && previewNote is null)
        {
            // Only the notice stays public: title, 索引号 and the reason, never the withdrawn text.
            return new ItemPage
            {
                Id = id,
                ContentType = item.ContentType,
                ContentTypeName = type?.DisplayName ?? item.ContentType,
                Title = version.Title,
                IndexNumber = item.IndexNumber,
                Metadata = [metadata[0], metadata[2]],
                CataloguePath = cataloguePath,
                CatalogueCode = data.Catalogue,
                BodyHtml = string.Empty,
                Withdrawn = new WithdrawnNotice(version.WithdrawnUtc is { } at ? DateText.Date(ChinaTime.ToDate(at)) : null, version.WithdrawReason),
            };
        }

        var fieldValues = type is null ? [] : type.Fields
            .Select(f => (Field: f, Value: (data.Root[type.Name] as JsonObject)?[f.Name]))
            .Where(x => x.Value is not null)
            .ToList();

        // Resolve every picked item in one query, showing only those the public may see.
        var pickedIds = fieldValues.Where(x => x.Field.Type == FieldType.ContentPicker)
            .SelectMany(x => x.Value is JsonArray list ? list.Select(v => v?.ToString()) : [x.Value!.ToString()])
            .OfType<string>().Distinct().ToList();
        var picked = await PublishedLinksAsync(pickedIds, cancellationToken);

        var typeExtensions = extensions.Where(e => e.ContentType == item.ContentType).ToList();
        var handled = typeExtensions.SelectMany(e => e.HandledFields).ToHashSet(StringComparer.Ordinal);
        var blocks = new List<ItemBlock>();
        var extensionContext = new ItemPageContext(item, version, data, today, previewNote is not null);
        foreach (var extension in typeExtensions)
        {
            blocks.AddRange(await extension.BuildAsync(extensionContext, cancellationToken));
        }

        var fields = new List<FieldBlock>();
        var attachments = new List<Attachment>();
        foreach (var (field, value) in fieldValues)
        {
            if (field.Type == FieldType.Media && field.Name == "Attachments")
            {
                attachments.AddRange(FieldRenderer.Attachments(id, value));
                continue;
            }

            if (handled.Contains(field.Name) || (item.ContentType == InterpretationType && field.Name == InterpretedDocumentsField))
            {
                continue; // shown as its own block below
            }

            var html = FieldRenderer.Render(id, field, value!, key => picked.GetValueOrDefault(key));
            if (html.Length > 0)
            {
                fields.Add(new FieldBlock(field.DisplayName, html));
            }
        }

        var interpreted = item.ContentType == InterpretationType && type is not null
            ? ((data.Root[type.Name] as JsonObject)?[InterpretedDocumentsField] is JsonArray docs ? docs.Select(d => d?.ToString()).OfType<string>() : [])
                .Select(picked.GetValueOrDefault).OfType<ItemLink>().ToList()
            : [];

        return new ItemPage
        {
            Id = id,
            ContentType = item.ContentType,
            ContentTypeName = type?.DisplayName ?? item.ContentType,
            Title = version.Title,
            Metadata = metadata,
            IndexNumber = item.IndexNumber,
            DocumentNumber = data.DocumentNumber,
            AgencyName = agencyName,
            PublishedDate = published,
            Validity = validity,
            CatalogueCode = data.Catalogue,
            CataloguePath = cataloguePath,
            BodyHtml = MarkdownRenderer.ToHtml(data.GetString(BuiltInParts.BodyPart, BuiltInParts.BodyField)),
            Fields = fields,
            Attachments = attachments,
            Blocks = blocks,
            Interpretations = await InterpretationsOfAsync(id, cancellationToken),
            InterpretedDocuments = interpreted,
            Related = await RelatedAsync(item.Id, data.Catalogue, cancellationToken),
            PreviewNote = previewNote,
        };
    }

    /// <summary>Published interpretations that name this item among the documents they explain.</summary>
    private async Task<IReadOnlyList<ItemLink>> InterpretationsOfAsync(string id, CancellationToken cancellationToken)
    {
        // The picker stores ids as JSON strings; the LIKE narrows the rows and the JSON check below makes it exact.
        var quoted = "\"" + id + "\"";
        var candidates = await reads.ReadAsync(
            db => db.ContentVersions.AsNoTracking().Include(v => v.Item)
                .Where(v => v.Status == ContentStatus.Published && v.ContentType == InterpretationType && v.DataJson.Contains(quoted))
                .OrderByDescending(v => v.PublishedUtc)
                .ToListAsync(cancellationToken),
            cancellationToken);
        return candidates
            .Where(v => (ContentData.Parse(v.DataJson).Get(InterpretationType, InterpretedDocumentsField) as JsonArray)?.Any(x => x?.ToString() == id) == true)
            .Select(v => Link(v.Item, v))
            .ToList();
    }

    private async Task<IReadOnlyList<ItemLink>> RelatedAsync(long itemKey, string? catalogue, CancellationToken cancellationToken)
    {
        if (catalogue is null)
        {
            return [];
        }

        var rows = await reads.ReadAsync(
            db => db.ContentVersions.AsNoTracking().Include(v => v.Item)
                .Where(v => v.Status == ContentStatus.Published && v.CatalogueCode == catalogue && v.ItemId != itemKey)
                .OrderByDescending(v => v.PublishedUtc).ThenByDescending(v => v.Id)
                .Take(RelatedCount)
                .ToListAsync(cancellationToken),
            cancellationToken);
        return rows.Select(v => Link(v.Item, v)).ToList();
    }

    private async Task<Dictionary<string, ItemLink>> PublishedLinksAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rows = await publishedContent.PublishedVersionsAsync(ids, cancellationToken);
        return rows.ToDictionary(r => r.Key, r => Link(r.Value.Item, r.Value));
    }

    private static ItemLink Link(ContentItemRecord item, ContentVersionRecord version) =>
        new(item.ContentItemId, version.Title, version.PublishedUtc is { } p ? DateText.Date(ChinaTime.ToDate(p)) : null);

}
