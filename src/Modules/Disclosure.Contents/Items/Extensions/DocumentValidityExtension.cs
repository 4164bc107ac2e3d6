using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Time;
using Disclosure.Storage.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Items.Extensions;

/// <summary>
/// 规范性文件: when it takes effect and expires, its 有效性 today, which documents replaced it and which it replaces,
/// shown above the text so nobody acts on a repealed rule.
/// </summary>
public sealed class DocumentValidityExtension(PublicReadDatabase reads) : IItemPageExtension
{
    public const string TypeName = "RegulatoryDocument";

    public string ContentType => TypeName;

    public IReadOnlySet<string> HandledFields { get; } = new HashSet<string> { "EffectiveDate", "ExpiryDate", "ReplacedBy" };

    public async Task<IReadOnlyList<ItemBlock>> BuildAsync(ItemPageContext context, CancellationToken cancellationToken)
    {
        var data = context.Data;
        var effective = data.GetDate(TypeName, "EffectiveDate");
        var expiry = data.GetDate(TypeName, "ExpiryDate");
        var validity = DocumentValidity.Effective(data.GetString(DisclosureMetadataPart.PartName, DisclosureMetadataPart.Validity), effective, expiry, context.Today);

        var replacedByIds = (data.Get(TypeName, "ReplacedBy") switch { JsonArray a => a.Select(x => x?.ToString()), JsonValue v => [v.ToString()], _ => [] }).OfType<string>().ToList();
        var id = context.Item.ContentItemId;
        var quoted = "\"" + id + "\"";
        var linked = await reads.ReadAsync(
            db => db.ContentVersions.AsNoTracking()
                .Where(v => v.Status == ContentStatus.Published && v.ContentType == TypeName
                    && (replacedByIds.Contains(v.Item.ContentItemId) || v.DataJson.Contains(quoted)))
                .Select(v => new { v.Item.ContentItemId, v.Title, v.DataJson })
                .ToListAsync(cancellationToken),
            cancellationToken);
        var replacedBy = linked.Where(l => replacedByIds.Contains(l.ContentItemId)).ToList();
        var replaces = linked.Where(l => ContentData.Parse(l.DataJson).Get(TypeName, "ReplacedBy") is JsonArray a && a.Any(x => x?.ToString() == id)).ToList();

        var html = new StringBuilder("<dl>");
        html.Append("<div><dt>有效性</dt><dd><strong class=\"validity\">").Append(WebUtility.HtmlEncode(validity)).Append("</strong></dd></div>");
        if (effective is { } e)
        {
            html.Append("<div><dt>施行日期</dt><dd>").Append(DateText.Date(e)).Append("</dd></div>");
        }

        html.Append("<div><dt>有效期至</dt><dd>").Append(expiry is { } x ? DateText.Date(x) : "长期").Append("</dd></div>");
        Links(html, validity == DisclosureMetadataPart.Validities.Amended ? "修改后的文件" : "替代文件", replacedBy.Select(l => (l.ContentItemId, l.Title)));
        Links(html, "本文件修改或替代", replaces.Select(l => (l.ContentItemId, l.Title)));
        html.Append("</dl>");

        var css = validity == DisclosureMetadataPart.Validities.Valid ? "validity-valid" : "validity-invalid";
        return [new ItemBlock("文件效力", html.ToString(), ItemBlockPlacement.BeforeBody, "document-validity " + css)];
    }

    private static void Links(StringBuilder html, string label, IEnumerable<(string Id, string Title)> links)
    {
        var list = links.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<div><dt>").Append(label).Append("</dt><dd><ul>");
        foreach (var (id, title) in list)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(ItemUrls.Item(id))).Append("\">").Append(WebUtility.HtmlEncode(title)).Append("</a></li>");
        }

        html.Append("</ul></dd></div>");
    }
}
