using System.Net;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Disclosure;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Pages.Admin.Content;

/// <summary>Any version as the public will see it: title, the 目录 metadata block, body and the type's own fields.</summary>
public sealed class PreviewModel(DisclosureDbContext db, ContentDefinitionStore definitions, AdminLookups lookups) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    public ContentVersionRecord Version { get; private set; } = null!;

    public string Title => Version.Title;

    public List<(string Label, string Value)> Metadata { get; } = [];

    public string BodyHtml { get; private set; } = string.Empty;

    /// <summary>The type's own fields as label and already-encoded HTML.</summary>
    public List<(string Label, string Html)> Fields { get; } = [];

    public async Task<IActionResult> OnGetAsync(int? version, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().Include(i => i.Versions).SingleOrDefaultAsync(i => i.ContentItemId == Id, cancellationToken);
        var number = version ?? item?.LatestVersionNumber;
        if (item?.Versions.SingleOrDefault(v => v.Number == number) is not { } selected
            || await definitions.FindAsync(item.ContentType, cancellationToken) is not { } type)
        {
            return NotFound();
        }

        Version = selected;
        var data = ContentData.Parse(selected.DataJson);
        var agencies = await lookups.AgencyNamesAsync(cancellationToken);
        var catalogue = await lookups.CatalogueNamesAsync(cancellationToken);
        const string m = DisclosureMetadataPart.PartName;
        Metadata.Add(("索引号", item.IndexNumber ?? "（发布时分配）"));
        Metadata.Add(("主题分类", data.GetString(m, DisclosureMetadataPart.Topic) ?? string.Empty));
        Metadata.Add(("发布机构", data.Agency is { } a ? agencies.GetValueOrDefault(a, a) : string.Empty));
        Metadata.Add(("目录分类", data.Catalogue is { } c ? catalogue.GetValueOrDefault(c, c) : string.Empty));
        Metadata.Add(("成文日期", data.GetString(m, DisclosureMetadataPart.WrittenDate) ?? string.Empty));
        Metadata.Add(("发布日期", selected.PublishedUtc is { } p ? Core.Time.ChinaTime.ToDate(p).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "（发布时确定）"));
        Metadata.Add(("文号", data.DocumentNumber ?? string.Empty));
        Metadata.Add(("有效性", data.GetString(m, DisclosureMetadataPart.Validity) ?? string.Empty));
        BodyHtml = MarkdownRenderer.ToHtml(data.GetString(BuiltInParts.BodyPart, BuiltInParts.BodyField));

        foreach (var field in type.Fields)
        {
            var value = (data.Root[type.Name] as JsonObject)?[field.Name];
            if (value is not null)
            {
                Fields.Add((field.DisplayName, Render(field, value)));
            }
        }

        return Page();
    }

    private static string Render(ContentFieldDefinition field, JsonNode value) => field.Type switch
    {
        FieldType.Markdown => MarkdownRenderer.ToHtml(value.GetValue<string>()),
        FieldType.Boolean => value.GetValue<bool>() ? "是" : "否",
        FieldType.Link => $"<a href=\"{WebUtility.HtmlEncode(value["url"]?.ToString())}\">{WebUtility.HtmlEncode(value["text"]?.ToString() ?? value["url"]?.ToString())}</a>",
        FieldType.Table when value["rows"] is JsonArray rows =>
            "<table><thead><tr>" + string.Concat(field.Columns.Select(c => $"<th>{WebUtility.HtmlEncode(c)}</th>")) + "</tr></thead><tbody>"
            + string.Concat(rows.OfType<JsonArray>().Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{WebUtility.HtmlEncode(c?.ToString())}</td>")) + "</tr>"))
            + "</tbody></table>",
        FieldType.Media => string.Join("<br>", (value is JsonArray a ? a.OfType<JsonObject>() : [value.AsObject()]).Select(o => WebUtility.HtmlEncode(o["name"]?.ToString()))),
        FieldType.ContentPicker or FieldType.Choice when value is JsonArray list => WebUtility.HtmlEncode(string.Join("、", list.Select(x => x?.ToString()))),
        _ => WebUtility.HtmlEncode(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString()),
    };
}
